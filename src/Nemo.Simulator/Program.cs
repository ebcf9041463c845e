// Standalone: dotnet run --project src/Nemo.Simulator -- --urls http://127.0.0.1:5080 [--Simulator:TimeScale=0.1 …]
var app = Nemo.Simulator.SimulatorApplication.Create(args);
await app.RunAsync();
