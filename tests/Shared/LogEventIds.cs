using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Nemo.Testing;

/// <summary>
/// The event ids of every source-generated log message, and the range each assembly owns: one range per assembly, so
/// an id names one message in any process that loads several of them (the Functions app, <c>nemo</c>).
/// </summary>
internal static class LogEventIds
{
    public static readonly IReadOnlyDictionary<string, (int From, int To)> Ranges = new Dictionary<string, (int, int)>
    {
        ["Nemo.Client"] = (1000, 1999),
        ["Nemo.Conversions"] = (2000, 2999),
        ["Nemo.Functions"] = (3000, 3999),
        ["nemo"] = (4000, 4999), // src/Nemo.Cli
        ["Nemo.Simulator"] = (5000, 5999),
    };

    /// <summary>Each <c>[LoggerMessage]</c> method of <paramref name="assembly"/>: its event id and where it is declared.</summary>
    public static IEnumerable<(int Id, string Method)> Of(Assembly assembly) =>
        from type in assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
        let message = method.GetCustomAttribute<LoggerMessageAttribute>()
        where message is not null
        select (message.EventId, $"{type.FullName}.{method.Name}");

    /// <summary>Fails with every id outside its assembly's range, and every id used twice across <paramref name="assemblies"/>.</summary>
    public static void AssertOwnRanges(params Assembly[] assemblies)
    {
        var ids = assemblies.SelectMany(a => Of(a).Select(m => (Assembly: a.GetName().Name!, m.Id, m.Method))).ToList();
        Assert.NotEmpty(ids);
        var outside = ids
            .Where(m => !Ranges.TryGetValue(m.Assembly, out var range) || m.Id < range.From || m.Id > range.To)
            .Select(m => $"{m.Method} ({m.Id}) is outside the range of {m.Assembly} ({(Ranges.TryGetValue(m.Assembly, out var range) ? $"{range.From}–{range.To}" : "none")})");
        var repeated = ids
            .GroupBy(m => m.Id)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key} is used by {string.Join(", ", g.Select(m => m.Method))}");
        Assert.Empty(outside.Concat(repeated));
    }
}
