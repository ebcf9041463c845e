using System.Buffers;
using System.Security.Cryptography;

namespace Nemo.Simulator;

/// <summary>Streams an upload to disk in small chunks: sniffs the type from the first bytes, counts bytes, hashes, and stops as soon as the file is unsupported or over the limit.</summary>
internal static class UploadWriter
{
    private const int ChunkSize = 64 * 1024;

    public static async Task<StoredFile> WriteAsync(Stream source, string fileName, string path, long limit, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        var head = new byte[MediaSniffer.HeadLength];
        var headLength = 0;
        long total = 0;
        (MediaKind Kind, string Format)? judged = null;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var outcome = StoreOutcome.Stored;
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await source.ReadAsync(buffer.AsMemory(0, ChunkSize), cancellationToken)) > 0)
                {
                    if (headLength < head.Length)
                    {
                        var take = Math.Min(read, head.Length - headLength);
                        buffer.AsSpan(0, take).CopyTo(head.AsSpan(headLength));
                        headLength += take;
                    }

                    total += read;
                    if (total > limit)
                    {
                        outcome = StoreOutcome.TooLarge;
                        break;
                    }

                    if (judged is null && headLength == head.Length)
                    {
                        judged = MediaSniffer.Judge(head, fileName);
                        if (judged is null)
                        {
                            outcome = StoreOutcome.Unsupported;
                            break;
                        }
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            if (outcome == StoreOutcome.Stored && judged is null)
            {
                judged = MediaSniffer.Judge(head.AsSpan(0, headLength), fileName);
                outcome = judged is null || total == 0 ? StoreOutcome.Unsupported : StoreOutcome.Stored;
            }

            if (outcome != StoreOutcome.Stored)
            {
                File.Delete(path);
                return new StoredFile(outcome, path, total, null, MediaKind.Image, null, null, null);
            }

            var (kind, format) = judged!.Value;
            var size = MediaSniffer.Dimensions(head.AsSpan(0, headLength), format);
            return new StoredFile(outcome, path, total, Convert.ToHexStringLower(hash.GetHashAndReset()), kind, format, size?.Width, size?.Height);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
