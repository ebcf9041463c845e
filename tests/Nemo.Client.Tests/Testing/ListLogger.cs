using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Nemo.Client.Tests.Testing;

/// <summary>Captures formatted log messages (and exception texts) to check nothing secret is logged.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<string> _messages = new();

    public IReadOnlyList<string> Messages => [.. _messages];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        _messages.Enqueue(formatter(state, exception) + (exception is null ? string.Empty : " | " + exception));
    }
}
