using Microsoft.AspNetCore.Http;

namespace CallFlows.Runtime.Admission;

/// <summary>
/// Admission control of the Event Grid webhook (section <c>CallFlows:Admission</c>): how many new calls one app
/// instance accepts at once and per second, and what happens to the calls beyond (<see cref="OverloadAction"/>: by
/// default they are rejected as busy at once, never left ringing).
/// </summary>
public sealed class AdmissionOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "CallFlows:Admission";

    /// <summary>Whether admission control is on. Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Deliveries handled at the same time by one instance (each one looks up and schedules orchestrations in the task
    /// hub). 0 = unlimited. Default 32: well above a steady call rate, low enough that a burst does not pile up
    /// storage round-trips whose latency every ringing caller waits for.
    /// </summary>
    public int MaxConcurrentStarts { get; set; } = 32;

    /// <summary>
    /// Deliveries admitted per second by one instance (a token bucket refilled every second, burst = this many).
    /// 0 = unlimited. Default 50 (measured in docs/RESILIENCE.md: one local instance on 2 cores sustains ~10 new calls
    /// per second end to end; a real Functions instance more). Lower it to the rate your instance sustains.
    /// </summary>
    public int MaxStartsPerSecond { get; set; } = 50;

    /// <summary>
    /// New calls one instance admits at once above <see cref="MaxStartsPerSecond"/> (the token bucket's size): a burst
    /// of up to this many calls is admitted (and, for flows marked <see cref="CallFlowAttribute.AnswerOnArrival"/>,
    /// answered at once) and worked off at the sustained rate. 0 = the same as <see cref="MaxStartsPerSecond"/>.
    /// Default 0.
    /// </summary>
    public int MaxBurst { get; set; }

    /// <summary>What happens to a call beyond the limits. Default <see cref="AdmissionOverloadAction.RejectBusy"/>.</summary>
    public AdmissionOverloadAction OverloadAction { get; set; } = AdmissionOverloadAction.RejectBusy;

    /// <summary>
    /// With <see cref="AdmissionOverloadAction.Defer"/>: the status answered to a delivery that is not admitted: 429 or 503, which Event Grid retries on its schedule (it
    /// drops a webhook delivery answered 400, 401, 403 or 413 without retrying). Default 429: it says exactly "too
    /// many requests", and unlike 503 it is never mistaken for the app being down by probes and dashboards.
    /// </summary>
    public int RejectionStatusCode { get; set; } = StatusCodes.Status429TooManyRequests;

    /// <summary>
    /// Largest request body accepted by the POST endpoints (webhook, callbacks, start call); larger ones get 413 before
    /// they are read. Default 2 MiB: Event Grid delivers at most 1 MB per request, ACS callbacks and start requests
    /// are a few KB.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Minimum <c>Retry-After</c> announced to the sender. Default 1 s (the rate limiter's own estimate wins when longer).</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);
}
