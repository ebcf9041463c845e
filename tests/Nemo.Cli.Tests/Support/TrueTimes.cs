using System.Globalization;
using System.Text.Json;

namespace Nemo.Cli.Tests.Support;

/// <summary>Checks that every time a document shows people (each <c>…At</c> property and a CloudEvent's <c>time</c>) really happened.</summary>
internal static class TrueTimes
{
    /// <summary>Asserts each time in <paramref name="document"/> lies in [<paramref name="from"/>, <paramref name="to"/>]; returns how many there were.</summary>
    public static int AssertWithin(JsonElement document, DateTimeOffset from, DateTimeOffset to, string what)
    {
        var times = new List<(string Path, DateTimeOffset Time)>();
        Collect(document, "$", times);
        foreach (var (path, time) in times)
        {
            Assert.True(time >= from && time <= to, $"{what} {path} = {time:O} is not between {from:O} and {to:O} (now {DateTimeOffset.UtcNow:O})");
        }

        return times.Count;
    }

    private static void Collect(JsonElement element, string path, List<(string, DateTimeOffset)> times)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var here = path + "." + property.Name;
                    if ((property.Name.EndsWith("At", StringComparison.Ordinal) || property.Name == "time") && property.Value.ValueKind == JsonValueKind.String)
                    {
                        times.Add((here, DateTimeOffset.Parse(property.Value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)));
                    }
                    else
                    {
                        Collect(property.Value, here, times);
                    }
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, $"{path}[{i++}]", times);
                }

                break;
            default:
                break;
        }
    }
}
