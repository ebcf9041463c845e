// Placeholder entry point; replaced by the simulator host.
return 0;
