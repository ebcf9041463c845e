using System.Globalization;

namespace Nemo.Client;

/// <summary>
/// <c>render_&lt;unix-ms&gt;</c> ids from the <see cref="TimeProvider"/>, strictly increasing so two
/// renders started in the same millisecond (or a retry after a duplicate) never share an id.
/// </summary>
internal sealed class RenderIdGenerator(TimeProvider timeProvider)
{
    private long _last;

    public string Next()
    {
        while (true)
        {
            var last = Interlocked.Read(ref _last);
            var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            var next = now > last ? now : last + 1;
            if (Interlocked.CompareExchange(ref _last, next, last) == last)
            {
                return "render_" + next.ToString(CultureInfo.InvariantCulture);
            }
        }
    }
}
