namespace Nemo.Conversions;

/// <summary>One rule one input broke.</summary>
/// <param name="File">The input's file name (or <c>prompt</c>, <c>images</c>, <c>profile</c> for request-level rules).</param>
/// <param name="Rule">A stable rule id: <c>empty</c>, <c>unreadable</c>, <c>type</c>, <c>format</c>, <c>size</c>, <c>count</c>, <c>prompt</c>, <c>profile</c>, <c>name</c>.</param>
/// <param name="Message">What is wrong and what is accepted, in plain language.</param>
public sealed record ValidationProblem(string File, string Rule, string Message);
