using System.Text.Encodings.Web;
using System.Text.Json;

namespace Nemo.Simulator;

/// <summary>How payloads are written: plain characters (<c>+</c>, quotes in text) rather than <c>\u002B</c> escapes, like most servers.</summary>
internal static class SimulatorJson
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
