namespace Nemo.Simulator;

/// <summary>Deterministic seed derivation (unlike <see cref="HashCode"/>, stable across processes).</summary>
internal static class Seeds
{
    public static int Mix(int seed, int a, int b = 0)
    {
        unchecked
        {
            var h = (uint)seed * 0x9E3779B1u;
            h ^= (uint)a + 0x7F4A7C15u + (h << 6) + (h >> 2);
            h ^= (uint)b + 0x85EBCA6Bu + (h << 6) + (h >> 2);
            h ^= h >> 16;
            h *= 0x7FEB352Du;
            h ^= h >> 15;
            return (int)(h & 0x7FFFFFFF);
        }
    }
}
