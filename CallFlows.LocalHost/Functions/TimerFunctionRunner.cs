using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using NCrontab;

namespace CallFlows.LocalHost.Functions;

/// <summary>
/// Runs the app's <c>[TimerTrigger]</c> functions as the Functions host does: the schedule is an NCRONTAB expression with
/// seconds (<c>{second} {minute} {hour} {day} {month} {day-of-week}</c>, UTC; five fields are read as minutes) or a
/// TimeSpan interval, optionally a <c>%setting%</c> resolved from configuration; <c>RunOnStartup</c> fires once at start;
/// occurrences missed while an invocation runs are skipped (one invocation at a time per function, as the host's
/// singleton lock). A failing invocation is logged and the schedule goes on.
/// </summary>
internal sealed class TimerFunctionRunner(
    IEnumerable<FunctionDescriptor> functions, IServiceProvider services, IConfiguration configuration, TimeProvider time, ILogger logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = new List<Task>();
        foreach (FunctionDescriptor function in functions)
        {
            if (Resolve(function) is { } schedule)
            {
                loops.Add(this.RunAsync(function, schedule, stoppingToken));
            }
        }

        return Task.WhenAll(loops);
    }

    /// <summary>Parses a schedule: a TimeSpan interval or an NCRONTAB expression (6 fields with seconds, or 5).</summary>
    /// <param name="expression">The schedule text.</param>
    /// <returns>The next-occurrence function, or null when the text is neither.</returns>
    internal static Func<DateTime, DateTime>? Parse(string expression)
    {
        string text = expression.Trim();
        string[] fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is 5 or 6
            && CrontabSchedule.TryParse(text, new CrontabSchedule.ParseOptions { IncludingSeconds = fields.Length == 6 }) is { } cron)
        {
            return cron.GetNextOccurrence;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out TimeSpan interval) && interval > TimeSpan.Zero)
        {
            return last => last + interval;
        }

        return null;
    }

    Func<DateTime, DateTime>? Resolve(FunctionDescriptor function)
    {
        string declared = function.TimerTrigger!.Schedule;
        string expression = declared;
        if (declared.Length > 2 && declared[0] == '%' && declared[^1] == '%')
        {
            string setting = declared[1..^1];
            if (configuration[setting] is not { Length: > 0 } value)
            {
                logger.FunctionNotHosted(function.Name, function.DisplayMethod, $"its schedule setting '{setting}' is not set");
                return null;
            }

            expression = value;
        }

        Func<DateTime, DateTime>? next = Parse(expression);
        if (next is null)
        {
            logger.FunctionNotHosted(function.Name, function.DisplayMethod, $"'{expression}' is neither an NCRONTAB expression nor a TimeSpan");
            return null;
        }

        logger.TimerFunctionScheduled(function.Name, expression);
        return next;
    }

    async Task RunAsync(FunctionDescriptor function, Func<DateTime, DateTime> next, CancellationToken stoppingToken)
    {
        DateTime last = time.GetUtcNow().UtcDateTime;
        if (function.TimerTrigger!.RunOnStartup)
        {
            await this.InvokeAsync(function, last, next(last), stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            DateTime now = time.GetUtcNow().UtcDateTime;
            DateTime due = next(now);
            try
            {
                await Task.Delay(due - now, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await this.InvokeAsync(function, last, next(due), stoppingToken);
            last = due;
        }
    }

    async Task InvokeAsync(FunctionDescriptor function, DateTime last, DateTime nextDue, CancellationToken stoppingToken)
    {
        var timer = new TimerInfo
        {
            ScheduleStatus = new ScheduleStatus { Last = last, Next = nextDue, LastUpdated = time.GetUtcNow().UtcDateTime },
            IsPastDue = false,
        };
        await using AsyncServiceScope scope = services.CreateAsyncScope();
        object?[] args = new object?[function.Parameters.Count];
        for (int i = 0; i < args.Length; i++)
        {
            args[i] = function.Parameters[i].Source switch
            {
                BindingSource.TimerInfo => timer,
                BindingSource.DurableClient => scope.ServiceProvider.GetRequiredService<DurableTaskClient>(),
                BindingSource.FunctionContext => new LocalFunctionContext(function.Name, function.Method, scope.ServiceProvider, stoppingToken),
                BindingSource.CancellationToken => stoppingToken,
                BindingSource source => throw new InvalidOperationException($"Unexpected binding {source} for a timer function."),
            };
        }

        try
        {
            object? target = function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(scope.ServiceProvider, function.Method.DeclaringType!);
            await MethodInvoker.InvokeAsync(function.Method, target, args);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.TimerFunctionFailed(ex, function.Name);
        }
    }
}
