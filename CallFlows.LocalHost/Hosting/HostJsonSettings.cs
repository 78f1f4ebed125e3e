using System.Globalization;
using System.Text.Json;

namespace CallFlows.LocalHost.Hosting;

/// <summary>
/// The parts of a Functions <c>host.json</c> the local host honours: <c>extensions.durableTask</c> (engine settings)
/// and <c>extensions.http.routePrefix</c>. A value absent from the file stays <see langword="null"/>.
/// </summary>
public sealed record HostJsonSettings
{
    /// <summary>Gets <c>extensions.durableTask.hubName</c>.</summary>
    public string? HubName { get; init; }

    /// <summary>Gets <c>extensions.durableTask.storageProvider.maxQueuePollingInterval</c>.</summary>
    public TimeSpan? MaxQueuePollingInterval { get; init; }

    /// <summary>Gets <c>extensions.durableTask.storageProvider.partitionCount</c>.</summary>
    public int? PartitionCount { get; init; }

    /// <summary>Gets <c>extensions.durableTask.storageProvider.controlQueueBatchSize</c>.</summary>
    public int? ControlQueueBatchSize { get; init; }

    /// <summary>Gets <c>extensions.durableTask.storageProvider.controlQueueBufferThreshold</c>.</summary>
    public int? ControlQueueBufferThreshold { get; init; }

    /// <summary>Gets <c>extensions.durableTask.storageProvider.controlQueueVisibilityTimeout</c>.</summary>
    public TimeSpan? ControlQueueVisibilityTimeout { get; init; }

    /// <summary>Gets <c>extensions.durableTask.storageProvider.workItemQueueVisibilityTimeout</c>.</summary>
    public TimeSpan? WorkItemQueueVisibilityTimeout { get; init; }

    /// <summary>Gets <c>extensions.durableTask.storageProvider.useTablePartitionManagement</c>.</summary>
    public bool? UseTablePartitionManagement { get; init; }

    /// <summary>Gets <c>extensions.durableTask.maxConcurrentActivityFunctions</c>.</summary>
    public int? MaxConcurrentActivityFunctions { get; init; }

    /// <summary>Gets <c>extensions.durableTask.maxConcurrentOrchestratorFunctions</c>.</summary>
    public int? MaxConcurrentOrchestratorFunctions { get; init; }

    /// <summary>Gets <c>extensions.durableTask.extendedSessionsEnabled</c>.</summary>
    public bool? ExtendedSessionsEnabled { get; init; }

    /// <summary>Gets <c>extensions.durableTask.extendedSessionIdleTimeoutInSeconds</c>.</summary>
    public int? ExtendedSessionIdleTimeoutInSeconds { get; init; }

    /// <summary>Gets <c>extensions.http.routePrefix</c> (the Functions default is <c>api</c>; an empty string means no prefix).</summary>
    public string? HttpRoutePrefix { get; init; }

    /// <summary>Gets an instance with every value absent.</summary>
    public static HostJsonSettings Empty { get; } = new();

    /// <summary>Reads a <c>host.json</c> file (comments and trailing commas allowed).</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The settings found in the file.</returns>
    /// <exception cref="InvalidDataException">The file is not valid JSON or holds a value of the wrong type.</exception>
    public static HostJsonSettings Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path));
    }

    /// <summary>Parses <c>host.json</c> text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The settings found.</returns>
    /// <exception cref="InvalidDataException">The text is not valid JSON or holds a value of the wrong type.</exception>
    public static HostJsonSettings Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using JsonDocument doc = JsonDocument.Parse(json, new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            JsonElement? extensions = Child(doc.RootElement, "extensions");
            JsonElement? durable = extensions is { } e ? Child(e, "durableTask") : null;
            JsonElement? storage = durable is { } d ? Child(d, "storageProvider") : null;
            JsonElement? http = extensions is { } e2 ? Child(e2, "http") : null;

            return new HostJsonSettings
            {
                HubName = String(durable, "hubName"),
                MaxQueuePollingInterval = Time(storage, "maxQueuePollingInterval"),
                PartitionCount = Int(storage, "partitionCount"),
                ControlQueueBatchSize = Int(storage, "controlQueueBatchSize"),
                ControlQueueBufferThreshold = Int(storage, "controlQueueBufferThreshold"),
                ControlQueueVisibilityTimeout = Time(storage, "controlQueueVisibilityTimeout"),
                WorkItemQueueVisibilityTimeout = Time(storage, "workItemQueueVisibilityTimeout"),
                UseTablePartitionManagement = Bool(storage, "useTablePartitionManagement"),
                MaxConcurrentActivityFunctions = Int(durable, "maxConcurrentActivityFunctions"),
                MaxConcurrentOrchestratorFunctions = Int(durable, "maxConcurrentOrchestratorFunctions"),
                ExtendedSessionsEnabled = Bool(durable, "extendedSessionsEnabled"),
                ExtendedSessionIdleTimeoutInSeconds = Int(durable, "extendedSessionIdleTimeoutInSeconds"),
                HttpRoutePrefix = String(http, "routePrefix"),
            };
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or OverflowException)
        {
            throw new InvalidDataException("host.json is not valid: " + ex.Message, ex);
        }
    }

    static JsonElement? Child(JsonElement? parent, string name)
    {
        if (parent is not { ValueKind: JsonValueKind.Object } p)
        {
            return null;
        }

        // host.json keys are case-insensitive for the Functions host.
        foreach (JsonProperty property in p.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    static string? String(JsonElement? parent, string name) =>
        Child(parent, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    static int? Int(JsonElement? parent, string name) => Child(parent, name) switch
    {
        { ValueKind: JsonValueKind.Number } v => v.GetInt32(),
        { ValueKind: JsonValueKind.String } v => int.Parse(v.GetString()!, CultureInfo.InvariantCulture),
        _ => null,
    };

    static bool? Bool(JsonElement? parent, string name) => Child(parent, name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } v => bool.Parse(v.GetString()!),
        _ => null,
    };

    static TimeSpan? Time(JsonElement? parent, string name) =>
        Child(parent, name) is { ValueKind: JsonValueKind.String } v
            ? TimeSpan.Parse(v.GetString()!, CultureInfo.InvariantCulture)
            : null;
}
