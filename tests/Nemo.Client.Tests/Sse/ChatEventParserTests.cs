using System.Text;
using System.Text.Json;

namespace Nemo.Client.Tests.Sse;

public sealed class ChatEventParserTests
{
    [Fact]
    public void An_ADK_text_part_gives_a_text_event_with_author_and_partial_flag()
    {
        var events = Parse("""{"content":{"role":"model","parts":[{"text":"Hel"}]},"author":"nemo_agent","id":"e1","timestamp":1743712255.3,"partial":true}""");

        Assert.Equal([new ChatTextEvent("Hel", "nemo_agent", true)], events);
    }

    [Fact]
    public void ADK_function_call_and_response_give_tool_events_with_their_JSON()
    {
        var events = Parse("""
            {"content":{"role":"user","parts":[
              {"functionCall":{"id":"c1","name":"add_bgm","args":{"style":"lo-fi","volume":35}}},
              {"functionResponse":{"id":"c1","name":"add_bgm","response":{"status":"ok"}}}]},"author":"nemo_agent"}
            """);

        var call = Assert.IsType<ChatToolCallEvent>(events[0]);
        Assert.Equal(("add_bgm", "c1"), (call.Name, call.Id));
        Assert.Equal(35, call.Arguments.GetProperty("volume").GetInt32());
        var result = Assert.IsType<ChatToolResultEvent>(events[1]);
        Assert.Equal(("add_bgm", "c1"), (result.Name, result.Id));
        Assert.Equal("ok", result.Result.GetProperty("status").GetString());
    }

    [Fact]
    public void Tool_events_without_arguments_get_an_empty_object()
    {
        var events = Parse("""{"content":{"parts":[{"functionCall":{"name":"render"}},{"functionResponse":{"name":"render","response":null}}]}}""");

        Assert.Equal(JsonValueKind.Object, Assert.IsType<ChatToolCallEvent>(events[0]).Arguments.ValueKind);
        Assert.Equal(JsonValueKind.Object, Assert.IsType<ChatToolResultEvent>(events[1]).Result.ValueKind);
    }

    [Fact]
    public void ADK_error_code_and_message_give_an_error_event_after_any_parts()
    {
        var events = Parse("""{"content":{"parts":[{"text":"Trying"}]},"errorCode":"MALFORMED_FUNCTION_CALL","errorMessage":"The model failed."}""");

        Assert.Equal([new ChatTextEvent("Trying", null, false), new ChatErrorEvent("The model failed.", "MALFORMED_FUNCTION_CALL")], events);
    }

    [Theory]
    [InlineData("""{"errorCode":500}""", "500", "500")]
    [InlineData("""{"error_code":"X","error_message":"snake"}""", "snake", "X")]
    [InlineData("""{"error":"Internal server error"}""", "Internal server error", null)]
    [InlineData("""{"error":{"message":"quota","code":2001}}""", "quota", "2001")]
    [InlineData("""{"type":"error","message":"bad","code":"E1"}""", "bad", "E1")]
    public void Error_shapes_give_an_error_event(string json, string message, string? code)
    {
        Assert.Equal([new ChatErrorEvent(message, code)], Parse(json));
    }

    [Fact]
    public void Simplified_shapes_give_the_matching_events()
    {
        Assert.Equal([new ChatTextEvent("Done", null, false)], Parse("""{"type":"text","content":"Done"}"""));
        Assert.Equal([new ChatTextEvent("chunk", null, true)], Parse("""{"type":"text","content":"chunk","partial":true}"""));
        Assert.Equal([ChatKeepAliveEvent.Instance], Parse("""{"type":"heartbeat"}"""));

        var call = Assert.IsType<ChatToolCallEvent>(Assert.Single(Parse("""{"type":"tool_call","name":"trim","args":{"to":5}}""")));
        Assert.Equal(("trim", null, 5), (call.Name, call.Id, call.Arguments.GetProperty("to").GetInt32()));

        var result = Assert.IsType<ChatToolResultEvent>(Assert.Single(Parse("""{"type":"tool_result","name":"trim","result":"trimmed"}""")));
        Assert.Equal(("trim", "trimmed"), (result.Name, result.Result.GetString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("\n")]
    public void Blank_data_is_a_keep_alive(string data)
    {
        Assert.Equal([ChatKeepAliveEvent.Instance], Parse(data));
    }

    [Theory]
    [InlineData("Hello there")]
    [InlineData("{\"type\":")]
    [InlineData("[1,2,3]")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("""{"type":"done"}""")]
    [InlineData("""{"type":"text"}""")]
    [InlineData("""{"type":"tool_call","args":{}}""")]
    [InlineData("""{"content":{"parts":"not an array"}}""")]
    [InlineData("""{"content":{"parts":[42,{"inlineData":{}},{"text":""},{"functionCall":{"args":{}}}]}}""")]
    [InlineData("""{"content":{"parts":[{"text":"private reasoning","thought":true}]}}""")]
    [InlineData("""{"id":"e1","author":"nemo","actions":{}}""")]
    public void Data_without_a_usable_event_gives_nothing(string data)
    {
        Assert.Empty(Parse(data));
    }

    [Fact]
    public void Elements_stay_valid_after_the_input_buffer_changes()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"type":"tool_call","name":"t","args":{"k":"v"}}""");
        var call = Assert.IsType<ChatToolCallEvent>(Assert.Single(ChatEventParser.Parse("message", bytes)));

        Array.Clear(bytes);

        Assert.Equal("v", call.Arguments.GetProperty("k").GetString());
    }

    private static IReadOnlyList<ChatEvent> Parse(string data) =>
        ChatEventParser.Parse("message", Encoding.UTF8.GetBytes(data));
}
