namespace Nemo.Client;

/// <summary>Which response envelope an endpoint uses.</summary>
internal enum NemoEnvelope
{
    /// <summary><c>{"code":0,"message":"…","data":{…}}</c>; the reader returns <c>data</c>.</summary>
    Code,

    /// <summary><c>{"success":true,"data":{…}}</c> / <c>{"success":false,"error":"…"}</c>; the reader returns the root.</summary>
    Render,

    /// <summary>
    /// The render envelope of the export call, where a reused render id (HTTP 409, code 409 or a
    /// "duplicate id" message, in any error style) is a <see cref="DuplicateRenderIdException"/>.
    /// </summary>
    RenderStart,
}
