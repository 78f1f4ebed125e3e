namespace CallFlows.Runtime.Viewer;

/// <summary>A page of <c>GET /api/calls</c>.</summary>
/// <param name="Calls">The calls of this page, newest first.</param>
/// <param name="ContinuationToken">Pass it back as <c>continuationToken</c> for the next page; null on the last page.</param>
public sealed record CallListPage(IReadOnlyList<CallSummary> Calls, string? ContinuationToken);
