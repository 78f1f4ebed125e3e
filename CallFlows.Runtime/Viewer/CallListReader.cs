using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace CallFlows.Runtime.Viewer;

/// <summary>
/// The logic behind <c>GET /api/calls</c>: a page of calls from the Durable Functions instance query, with its
/// continuation token. Query parameters: <c>status</c> (comma-separated runtime statuses, or <c>live</c> /
/// <c>ended</c>), <c>flow</c> (a flow name), <c>createdFrom</c> / <c>createdTo</c> (ISO 8601), <c>pageSize</c>
/// (1–100, 25 by default), <c>continuationToken</c> (from the previous page).
/// </summary>
/// <param name="timeProvider">The clock (duration of live calls).</param>
/// <param name="logger">The logger.</param>
internal sealed class CallListReader(TimeProvider timeProvider, ILogger<CallListReader> logger)
{
    /// <summary>The page size when none is asked for.</summary>
    public const int DefaultPageSize = 25;

    /// <summary>The largest page size.</summary>
    public const int MaxPageSize = 100;

    // A flow filter is applied to each page of the store's query (it has no name filter): read at most this many
    // store pages to fill one page of answers, then hand back the token so the caller continues.
    private const int MaxStorePagesPerRequest = 10;

    private static readonly OrchestrationRuntimeStatus[] Live =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    private static readonly OrchestrationRuntimeStatus[] Ended =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    /// <summary>Answers <c>GET /api/calls</c>.</summary>
    /// <param name="request">The request (query parameters).</param>
    /// <param name="client">The durable client.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>200 with <see cref="CallListPage"/>, 400 for a bad parameter, 501 when the backend cannot query instances.</returns>
    public async Task<IActionResult> HandleAsync(HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);

        if (!TryReadQuery(request.Query, out OrchestrationQuery? query, out string? flow, out string? error, out string? field))
        {
            ViewerLog.ListRequestRefused(logger, error);
            return JsonHttpResult.BadRequest(error, field);
        }

        try
        {
            return new JsonHttpResult(StatusCodes.Status200OK, await ListAsync(client, query, flow, cancellationToken));
        }
        catch (NotSupportedException exception)
        {
            ViewerLog.ListUnsupported(logger, exception.Message);
            return JsonHttpResult.Error(StatusCodes.Status501NotImplemented, "This backend cannot list instances: " + exception.Message);
        }
    }

    /// <summary>Reads one page of calls.</summary>
    /// <param name="client">The durable client.</param>
    /// <param name="query">The instance query (statuses, created range, page size, continuation token).</param>
    /// <param name="flow">Only calls of this flow; null for all.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The page.</returns>
    public async Task<CallListPage> ListAsync(DurableTaskClient client, OrchestrationQuery query, string? flow, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(query);
        int pageSize = query.PageSize;
        var calls = new List<CallSummary>();
        string? token = query.ContinuationToken;
        int storePages = 0;
        await foreach (Page<OrchestrationMetadata> page in client.GetAllInstancesAsync(query with { FetchInputsAndOutputs = true })
            .AsPages(token, pageSize).WithCancellation(cancellationToken))
        {
            storePages++;
            token = page.ContinuationToken;
            calls.AddRange(page.Values.Where(i => i.Name != CallActionNames.RecordingOwner && (flow is null || string.Equals(i.Name, flow, StringComparison.OrdinalIgnoreCase))).Select(Summarize));
            if (calls.Count >= pageSize || storePages >= MaxStorePagesPerRequest || string.IsNullOrEmpty(token))
            {
                break;
            }
        }

        return new CallListPage(calls.OrderByDescending(c => c.CreatedAt).ToList(), string.IsNullOrEmpty(token) ? null : token);
    }

    private CallSummary Summarize(OrchestrationMetadata instance)
    {
        (string? from, string? to) = ViewerJson.Parties(ViewerJson.Parse(instance.SerializedInput));
        CallFlowStatus? status = CallViewReader.Parse<CallFlowStatus>(instance.SerializedCustomStatus);
        CallFlowOutcome? outcome = CallViewReader.Parse<CallFlowOutcome>(instance.SerializedOutput);
        bool live = CallViewReader.IsLive(instance.RuntimeStatus);
        DateTimeOffset end = live ? timeProvider.GetUtcNow() : instance.LastUpdatedAt;
        return new CallSummary(instance.InstanceId, instance.Name, instance.RuntimeStatus.ToString(), instance.CreatedAt, instance.LastUpdatedAt)
        {
            From = from,
            To = to,
            State = status?.State,
            Outcome = outcome?.Result ?? instance.FailureDetails?.ErrorMessage,
            Succeeded = live ? null : outcome?.Succeeded ?? (instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? null : false),
            DurationSeconds = Math.Max(0, Math.Round((end - instance.CreatedAt).TotalSeconds, 1)),
            IsLive = live,
        };
    }

    private static bool TryReadQuery(IQueryCollection values, out OrchestrationQuery query, out string? flow, out string error, out string? field)
    {
        query = new OrchestrationQuery();
        flow = values["flow"].FirstOrDefault() is { Length: > 0 } f ? f : null;
        error = string.Empty;
        field = null;

        int pageSize = DefaultPageSize;
        if (values["pageSize"].FirstOrDefault() is { Length: > 0 } size
            && (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            (error, field) = ($"pageSize must be a whole number from 1 to {MaxPageSize}.", "pageSize");
            return false;
        }

        var statuses = new List<OrchestrationRuntimeStatus>();
        foreach (string part in (values["status"].FirstOrDefault() ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (string.Equals(part, "live", StringComparison.OrdinalIgnoreCase))
            {
                statuses.AddRange(Live);
            }
            else if (string.Equals(part, "ended", StringComparison.OrdinalIgnoreCase))
            {
                statuses.AddRange(Ended);
            }
            else if (Enum.TryParse(part, ignoreCase: true, out OrchestrationRuntimeStatus parsed) && Enum.IsDefined(parsed) && !int.TryParse(part, out _))
            {
                statuses.Add(parsed);
            }
            else
            {
                (error, field) = ($"'{part}' is not a status: use live, ended, Pending, Running, Suspended, Completed, Failed or Terminated.", "status");
                return false;
            }
        }

        DateTimeOffset? createdFrom = null;
        DateTimeOffset? createdTo = null;
        foreach ((string name, Action<DateTimeOffset> set) in new (string, Action<DateTimeOffset>)[] { ("createdFrom", v => createdFrom = v), ("createdTo", v => createdTo = v) })
        {
            if (values[name].FirstOrDefault() is { Length: > 0 } text)
            {
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset value))
                {
                    (error, field) = ($"{name} must be an ISO 8601 time.", name);
                    return false;
                }

                set(value);
            }
        }

        query = new OrchestrationQuery
        {
            Statuses = statuses.Count > 0 ? statuses.Distinct().ToList() : null,
            CreatedFrom = createdFrom,
            CreatedTo = createdTo,
            PageSize = pageSize,
            ContinuationToken = values["continuationToken"].FirstOrDefault() is { Length: > 0 } token ? token : null,
            FetchInputsAndOutputs = true,
        };
        return true;
    }
}
