using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace CallFlows.Runtime.Routing;

/// <summary>Binds a routing rule's settings section to its flow's settings type and validates it; every problem names the rule and the setting.</summary>
internal static class FlowSettingsBinder
{
    public static object Bind(CallFlowRegistration flow, IConfigurationSection? section, string path, List<string> errors)
    {
        object settings;
        try
        {
            settings = (section is null || !section.GetChildren().Any() ? null : section.Get(flow.InputType, o => o.ErrorOnUnknownConfiguration = true))
                ?? Activator.CreateInstance(flow.InputType)!;
        }
        catch (InvalidOperationException exception)
        {
            // The binder names the key it could not convert or does not know.
            errors.Add($"{path}: {Message(exception)} (flow {flow.Name} reads settings of type {flow.InputType.Name}).");
            return Activator.CreateInstance(flow.InputType)!;
        }

        foreach (var problem in flow.Flow.ValidateInput(settings))
        {
            var members = problem.MemberNames.ToList();
            errors.Add(members.Count == 0
                ? $"{path}: {problem.ErrorMessage}"
                : string.Join(Environment.NewLine, members.Select(m => $"{path}:{m}: {problem.ErrorMessage}")));
        }

        return settings;
    }

    private static string Message(Exception exception)
    {
        var messages = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            messages.Add(current.Message);
        }

        return string.Join(" ", messages.Distinct());
    }

    /// <summary>Validation results as "field: message" pairs (first member name, camelCase as JSON request fields are).</summary>
    public static (string Field, string Message)? FirstProblem(IReadOnlyList<ValidationResult> problems)
    {
        if (problems.Count == 0)
        {
            return null;
        }

        var problem = problems[0];
        var member = problem.MemberNames.FirstOrDefault() ?? "body";
        return (char.ToLowerInvariant(member[0]) + member[1..], problem.ErrorMessage ?? $"'{member}' is not valid.");
    }
}
