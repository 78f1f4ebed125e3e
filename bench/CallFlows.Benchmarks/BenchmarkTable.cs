using System.Text;

namespace CallFlows.Benchmarks;

/// <summary>One section's results: rows by the engine-settings columns.</summary>
/// <param name="Title">The section title.</param>
/// <param name="Columns">The column headers (the engine settings).</param>
/// <param name="Rows">The rows.</param>
/// <param name="Notes">How to read the table (method, caveats).</param>
public sealed record BenchmarkTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<BenchmarkRow> Rows, IReadOnlyList<string> Notes)
{
    /// <summary>Renders the table as Markdown (readable in a terminal too).</summary>
    /// <returns>The text.</returns>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("### ").AppendLine(Title).AppendLine();
        int labelWidth = Math.Max(Rows.Select(r => r.Label.Length).DefaultIfEmpty(0).Max(), 6);
        var widths = Columns.Select((c, i) => Math.Max(c.Length, Rows.Select(r => i < r.Values.Count ? r.Values[i].Length : 0).DefaultIfEmpty(0).Max())).ToList();
        text.Append("| ").Append("".PadRight(labelWidth)).Append(" |");
        for (int i = 0; i < Columns.Count; i++)
        {
            text.Append(' ').Append(Columns[i].PadRight(widths[i])).Append(" |");
        }

        text.AppendLine().Append("|-").Append(new string('-', labelWidth)).Append("-|");
        foreach (int width in widths)
        {
            text.Append(new string('-', width + 1)).Append(":|");
        }

        text.AppendLine();
        foreach (BenchmarkRow row in Rows)
        {
            text.Append("| ").Append(row.Label.PadRight(labelWidth)).Append(" |");
            for (int i = 0; i < Columns.Count; i++)
            {
                text.Append(' ').Append((i < row.Values.Count ? row.Values[i] : string.Empty).PadLeft(widths[i])).Append(" |");
            }

            text.AppendLine();
        }

        foreach (string note in Notes)
        {
            text.AppendLine().Append("- ").Append(note);
        }

        return text.AppendLine().ToString();
    }
}
