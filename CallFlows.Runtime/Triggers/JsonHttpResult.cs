using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CallFlows.Runtime.Triggers;

/// <summary>
/// An HTTP result that writes its own JSON (web defaults, camelCase, enums as strings) and headers, with no MVC
/// services needed: it behaves the same in the Functions host, the local host and a unit test's DefaultHttpContext.
/// </summary>
internal sealed class JsonHttpResult : IActionResult
{
    /// <summary>The serializer options of every response body.</summary>
    public static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },

        // Read by people too: "4:+1555..." rather than "4:\u002B1555...". Bodies are application/json, never HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Creates the result.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="body">The body, serialized as JSON; null for none.</param>
    public JsonHttpResult(int statusCode, object? body = null)
    {
        StatusCode = statusCode;
        Body = body;
    }

    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary>The body; null for none.</summary>
    public object? Body { get; }

    /// <summary>Extra response headers.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>A 400 naming what is wrong (and the field, when one is to blame).</summary>
    /// <param name="error">What is wrong.</param>
    /// <param name="field">The offending field, if any.</param>
    /// <returns>The result.</returns>
    public static JsonHttpResult BadRequest(string error, string? field = null) => new(StatusCodes.Status400BadRequest, new ErrorBody(error, field));

    /// <summary>An error result.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="error">What is wrong.</param>
    /// <returns>The result.</returns>
    public static JsonHttpResult Error(int statusCode, string error) => new(statusCode, new ErrorBody(error, null));

    /// <inheritdoc />
    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCode;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        if (Body is not null)
        {
            response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(response.Body, Body, Body.GetType(), SerializerOptions, context.HttpContext.RequestAborted);
        }
    }

    /// <summary>The body of an error response.</summary>
    /// <param name="Error">What is wrong.</param>
    /// <param name="Field">The offending field, if any.</param>
    public sealed record ErrorBody(string Error, string? Field);
}
