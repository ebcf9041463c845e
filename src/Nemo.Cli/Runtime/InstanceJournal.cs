using System.Text.Json;
using Nemo.Conversions;

namespace Nemo.Cli.Runtime;

/// <summary>
/// An instance's files: the append-only <c>history.jsonl</c> (one event per line, flushed to disk before its effect is
/// delivered) and the <c>instance.json</c> snapshot (replaced atomically). Only complete lines count: a line torn by a
/// crash mid-write was never delivered, so it is ignored on load and cut off before the next append.
/// </summary>
internal sealed class InstanceJournal : IDisposable
{
    private const byte NewLine = (byte)'\n';
    private FileStream? _append;
    private long _validLength;

    public InstanceJournal(string directory)
    {
        Directory = directory;
        HistoryPath = Path.Combine(directory, "history.jsonl");
        SnapshotPath = Path.Combine(directory, "instance.json");
    }

    public string Directory { get; }

    public string HistoryPath { get; }

    public string SnapshotPath { get; }

    /// <summary>True when the last load found (and ignored) a torn or unreadable last line.</summary>
    public bool HadTornTail { get; private set; }

    /// <summary>Reads every complete event. A bad line other than the last means the file was damaged, not torn.</summary>
    public IReadOnlyList<HistoryEvent> Load()
    {
        HadTornTail = false;
        _validLength = 0;
        if (!File.Exists(HistoryPath))
        {
            return [];
        }

        byte[] bytes;
        using (var stream = new FileStream(HistoryPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }

        var events = new List<HistoryEvent>();
        var start = 0;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, NewLine, start);
            if (end < 0)
            {
                HadTornTail = true;
                break;
            }

            var line = bytes.AsSpan(start, end - start);
            if (!line.Trim(" \r\t"u8).IsEmpty)
            {
                HistoryEvent? parsed;
                try
                {
                    parsed = JsonSerializer.Deserialize<HistoryEvent>(line, ConversionJson.Compact);
                }
                catch (JsonException) when (end == bytes.Length - 1)
                {
                    parsed = null;
                }

                if (parsed is null)
                {
                    HadTornTail = true;
                    break;
                }

                events.Add(parsed);
            }

            start = end + 1;
            _validLength = start;
        }

        return events;
    }

    /// <summary>Appends one event and flushes it through to the disk.</summary>
    public void Append(HistoryEvent historyEvent)
    {
        if (_append is null)
        {
            System.IO.Directory.CreateDirectory(Directory);
            _append = new FileStream(HistoryPath, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
            _append.SetLength(_validLength);
            _append.Seek(0, SeekOrigin.End);
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(historyEvent, ConversionJson.Compact);
        var line = new byte[bytes.Length + 1];
        bytes.CopyTo(line, 0);
        line[^1] = NewLine;
        _append.Write(line);
        _append.Flush(flushToDisk: true);
        _validLength += line.Length;
    }

    public InstanceSnapshot? ReadSnapshot()
    {
        try
        {
            using var stream = new FileStream(SnapshotPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return JsonSerializer.Deserialize<InstanceSnapshot>(stream, ConversionJson.Compact);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Writes the snapshot to a temporary file and moves it over the old one, so readers never see half of it.</summary>
    public void WriteSnapshot(InstanceSnapshot snapshot)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var temp = SnapshotPath + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, snapshot, ConversionJson.Options);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, SnapshotPath, overwrite: true);
    }

    public void Dispose()
    {
        _append?.Dispose();
        _append = null;
    }
}
