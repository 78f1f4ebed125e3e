using System.Text;

namespace CallFlows.Benchmarks;

/// <summary>The result of a run: the environment and one table per section.</summary>
/// <param name="Mode">full, quick or smoke.</param>
/// <param name="Environment">Machine, load and versions, one fact per line.</param>
/// <param name="Tables">The sections.</param>
public sealed record BenchmarkReport(string Mode, IReadOnlyList<string> Environment, IReadOnlyList<BenchmarkTable> Tables)
{
    /// <summary>Renders the whole report as Markdown.</summary>
    /// <returns>The text.</returns>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("## CallFlows benchmark (").Append(Mode).AppendLine(" run)").AppendLine();
        foreach (string line in Environment)
        {
            text.Append("- ").AppendLine(line);
        }

        text.AppendLine();
        foreach (BenchmarkTable table in Tables)
        {
            text.AppendLine(table.ToMarkdown());
        }

        return text.ToString();
    }
}
