namespace CallFlows.Benchmarks;

/// <summary>One row of a result table.</summary>
/// <param name="Label">What the row measures (with its unit).</param>
/// <param name="Values">One value per column, already formatted.</param>
public sealed record BenchmarkRow(string Label, IReadOnlyList<string> Values);
