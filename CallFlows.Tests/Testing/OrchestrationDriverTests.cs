using System.Diagnostics;
using CallFlows.Testing.Orchestrations;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace CallFlows.Tests.Testing;

// The orchestrators below call activities and sub-orchestrations that the driver scripts per test; none is a function.
#pragma warning disable DURABLE2003, DURABLE2004

public sealed class OrchestrationDriverTests
{
    static readonly DateTime Start = new(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Timer_FifteenMinutes_FiresOnVirtualTimeOnTheCallingThread()
    {
        int testThread = Environment.CurrentManagedThreadId;
        var threads = new List<int>();
        var driver = new OrchestrationDriver();

        var wall = Stopwatch.StartNew();
        OrchestrationRun<DateTime> run = driver.Run("Sleeper", async context =>
        {
            threads.Add(Environment.CurrentManagedThreadId);
            await context.CreateTimer(TimeSpan.FromMinutes(15), CancellationToken.None);
            threads.Add(Environment.CurrentManagedThreadId);
            return context.CurrentUtcDateTime;
        });
        wall.Stop();

        run.Status.Should().Be(OrchestrationRunStatus.Completed);
        run.Output.Should().Be(Start.AddMinutes(15));
        run.Elapsed.Should().Be(TimeSpan.FromMinutes(15));
        run.Timers.Should().ContainSingle().Which.Outcome.Should().Be(TimerOutcome.Fired);
        // Both the first run and the replay resumed on the test's own thread: no real timer or thread-pool callback woke the flow.
        threads.Should().HaveCount(4).And.OnlyContain(t => t == testThread);
        run.ReplayChecked.Should().BeTrue();
        // A sanity ratio, not a bound on a busy machine: the virtual 15 minutes took a tiny fraction of that in wall time.
        (wall.Elapsed.TotalMilliseconds / run.Elapsed.TotalMilliseconds).Should().BeLessThan(0.01);
    }

    [Fact]
    public void Timer_LongerThanMaximumInterval_IsSplitLikeTheWorker()
    {
        var driver = new OrchestrationDriver(new OrchestrationDriverOptions { MaximumTimerInterval = TimeSpan.FromDays(3) });

        OrchestrationRun run = driver.Run("Week", context => context.CreateTimer(TimeSpan.FromDays(7), CancellationToken.None));

        run.Timers.Select(t => t.FireAt).Should().Equal(TimeSpan.FromDays(3), TimeSpan.FromDays(6), TimeSpan.FromDays(7));
        run.Elapsed.Should().Be(TimeSpan.FromDays(7));
    }

    [Theory]
    [InlineData(29, "approved by Grace")]
    [InlineData(31, "timed out")]
    public void WaitForEventWithTimeout_RacesTheTimer_EitherSideWins(int eventSecond, string expected)
    {
        var driver = new OrchestrationDriver().RaiseEvent("Approval", "Grace", TimeSpan.FromSeconds(eventSecond));

        OrchestrationRun<string> run = driver.Run("Approval", async context =>
        {
            try
            {
                string by = await context.WaitForExternalEvent<string>("Approval", TimeSpan.FromSeconds(30));
                return "approved by " + by;
            }
            catch (TaskCanceledException)
            {
                return "timed out";
            }
        });

        run.Output.Should().Be(expected);
        run.Elapsed.Should().Be(TimeSpan.FromSeconds(Math.Min(eventSecond, 30)));
        run.Timers.Should().ContainSingle().Which.Outcome.Should().Be(eventSecond < 30 ? TimerOutcome.Cancelled : TimerOutcome.Fired);
    }

    [Theory]
    [InlineData(10, "event")]
    [InlineData(20, "timer")]
    public void WhenAny_EventAndTimer_ResolvesToWhicheverIsDueFirst(int eventSecond, string expected)
    {
        var driver = new OrchestrationDriver().RaiseEvent("Go", 1, TimeSpan.FromSeconds(eventSecond));

        OrchestrationRun<string> run = driver.Run("Race", async context =>
        {
            using var cts = new CancellationTokenSource();
            Task<int> go = context.WaitForExternalEvent<int>("Go");
            Task timer = context.CreateTimer(context.CurrentUtcDateTime.AddSeconds(15), cts.Token);
            Task winner = await Task.WhenAny(go, timer);
            if (winner == go)
            {
                cts.Cancel();
                return "event";
            }

            return "timer";
        });

        run.Output.Should().Be(expected);
        run.Elapsed.Should().Be(TimeSpan.FromSeconds(Math.Min(eventSecond, 15)));
    }

    [Fact]
    public void ActivityFailure_ReachesTheFlowAsTaskFailedExceptionWithDetails()
    {
        var driver = new OrchestrationDriver()
            .OnActivity<string, string>("Charge", card => throw new InvalidOperationException("card declined", new ArgumentException("expired")));

        OrchestrationRun<string> run = driver.Run("Pay", async context =>
        {
            try
            {
                await context.CallActivityAsync<string>("Charge", "4111");
                return "paid";
            }
            catch (TaskFailedException ex)
            {
                TaskFailureDetails details = ex.FailureDetails;
                return string.Join('|', ex.TaskName, ex.TaskId, ex.Message, details.ErrorType, details.ErrorMessage,
                    details.IsCausedBy<InvalidOperationException>(), details.IsCausedBy<ArgumentException>(), details.InnerFailure?.ErrorType);
            }
        });

        run.Output.Should().Be(
            "Charge|0|Task 'Charge' (#0) failed with an unhandled exception: card declined|System.InvalidOperationException|card declined|True|False|System.ArgumentException");
        run.Activities.Should().ContainSingle().Which.Failure!.ErrorMessage.Should().Be("card declined");
    }

    [Fact]
    public void ActivityFailure_Unhandled_FailsTheRunWithTheEnginesDetails()
    {
        var driver = new OrchestrationDriver()
            .OnActivity("Charge", _ => ActivityResult.Failed(new TaskFailureDetails("Contoso.CardDeclinedException", "card declined", null, null, null)));

        OrchestrationRun<string> run = driver.Run("Pay", context => context.CallActivityAsync<string>("Charge", "4111"));

        run.Status.Should().Be(OrchestrationRunStatus.Failed);
        run.Exception.Should().BeOfType<TaskFailedException>();
        run.Failure!.ErrorType.Should().Be(typeof(TaskFailedException).FullName);
        run.Failure.ErrorMessage.Should().Be("Task 'Charge' (#0) failed with an unhandled exception: card declined");
        run.Failure.InnerFailure!.ErrorType.Should().Be("Contoso.CardDeclinedException", "the worker reports the task's failure as the inner failure");
        run.Output.Should().BeNull();
    }

    [Fact]
    public void RetryPolicy_TransientFailures_RetriesWithBackoffTimersUntilSuccess()
    {
        var driver = new OrchestrationDriver().OnActivity("Flaky", call =>
            call.Attempt < 3 ? ActivityResult.Failed(new TimeoutException("try again")) : ActivityResult.Completed("ok after " + call.Attempt));
        var policy = new RetryPolicy(4, TimeSpan.FromSeconds(1), backoffCoefficient: 2);

        OrchestrationRun<string> run = driver.Run("Retry", context => context.CallActivityAsync<string>("Flaky", null, TaskOptions.FromRetryPolicy(policy)));

        run.Output.Should().Be("ok after 3");
        run.Activities.Select(a => (a.Attempt, a.ScheduledAt)).Should().Equal((1, TimeSpan.Zero), (2, TimeSpan.FromSeconds(1)), (3, TimeSpan.FromSeconds(3)));
        run.Timers.Select(t => t.FireAt).Should().Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));
        run.Actions.Select(a => (a.Kind, a.TaskId)).Should().Equal(
            (ScheduledActionKind.Activity, 0), (ScheduledActionKind.Timer, 1), (ScheduledActionKind.Activity, 2), (ScheduledActionKind.Timer, 3), (ScheduledActionKind.Activity, 4));
    }

    [Fact]
    public void RetryPolicy_Exhausted_ThrowsLastFailureAfterTheEnginesImmediateTimer()
    {
        var driver = new OrchestrationDriver().OnActivity("Down", _ => ActivityResult.Failed(new TimeoutException("still down")));
        var policy = new RetryPolicy(3, TimeSpan.FromSeconds(5));

        OrchestrationRun<string> run = driver.Run("Retry", async context =>
        {
            try
            {
                await context.CallActivityAsync("Down", null, TaskOptions.FromRetryPolicy(policy));
                return "up";
            }
            catch (TaskFailedException ex)
            {
                return $"{ex.TaskId}:{ex.FailureDetails.ErrorMessage}";
            }
        });

        // Attempts at 0 s, 5 s, 10 s; the interceptor's zero-length timer after the last attempt has task id 5.
        run.Output.Should().Be("4:still down");
        run.Activities.Should().HaveCount(3);
        run.Timers.Select(t => t.FireAt).Should().Equal(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
        run.Elapsed.Should().Be(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void RetryPolicy_FailureNotHandled_DoesNotRetry()
    {
        var driver = new OrchestrationDriver().OnActivity("Refused", _ => ActivityResult.Failed(new InvalidOperationException("403")));
        var policy = new RetryPolicy(4, TimeSpan.FromSeconds(1)) { HandleFailure = f => f.IsCausedBy<TimeoutException>() };

        OrchestrationRun<string> run = driver.Run("Retry", context => context.CallActivityAsync<string>("Refused", null, TaskOptions.FromRetryPolicy(policy)));

        run.Status.Should().Be(OrchestrationRunStatus.Failed);
        run.Activities.Should().ContainSingle();
        run.Timers.Should().BeEmpty();
    }

    [Fact]
    public void RetryHandler_Custom_GetsEachFailureAndDecides()
    {
        var seen = new List<int>();
        var driver = new OrchestrationDriver().OnActivity("Flaky", call =>
            call.Attempt < 2 ? ActivityResult.Failed(new TimeoutException("busy")) : ActivityResult.Completed(call.Attempt));

        OrchestrationRun<int> run = driver.Run("Retry", context => context.CallActivityAsync<int>("Flaky", null, TaskOptions.FromRetryHandler(retry =>
        {
            seen.Add(retry.LastAttemptNumber);
            return retry.LastFailure.IsCausedBy<TimeoutException>();
        })));

        run.Output.Should().Be(2);
        seen.Should().Equal(1, 1); // once in the first run, once in the replay
    }

    [Fact]
    public void ActivityHandler_RaisesEvents_ArriveAfterTheResultAtTheirVirtualTime()
    {
        var driver = new OrchestrationDriver().OnActivity("Answer", call =>
        {
            call.RaiseEvent("Connected", "call-1", TimeSpan.FromMilliseconds(50));
            return ActivityResult.Completed("accepted", TimeSpan.FromMilliseconds(20));
        });

        OrchestrationRun<string> run = driver.Run("Answer", async context =>
        {
            string accepted = await context.CallActivityAsync<string>("Answer");
            DateTime acceptedAt = context.CurrentUtcDateTime;
            string call = await context.WaitForExternalEvent<string>("Connected", TimeSpan.FromSeconds(30));
            return $"{accepted} at {(acceptedAt - Start).TotalMilliseconds}, {call} at {(context.CurrentUtcDateTime - Start).TotalMilliseconds}";
        });

        run.Output.Should().Be("accepted at 20, call-1 at 50");
        run.Events.Should().ContainSingle().Which.Disposition.Should().Be(EventDisposition.Delivered);
    }

    [Fact]
    public void Event_BeforeAnyWait_IsBufferedUntilTheWaitStarts()
    {
        var driver = new OrchestrationDriver().RaiseEvent("Early", 7, TimeSpan.Zero);

        OrchestrationRun<int> run = driver.Run("Late", async context =>
        {
            await context.CreateTimer(TimeSpan.FromSeconds(5), CancellationToken.None);
            return await context.WaitForExternalEvent<int>("early"); // event names are case-insensitive
        });

        run.Output.Should().Be(7);
        RecordedEvent raised = run.Events.Should().ContainSingle().Subject;
        (raised.RaisedAt, raised.ReceivedAt).Should().Be((TimeSpan.Zero, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Event_AfterItsWaitTimedOut_SkipsTheCancelledWaitAndIsBufferedForTheNext()
    {
        var driver = new OrchestrationDriver().RaiseEvent("Ping", 1, TimeSpan.FromSeconds(5));

        OrchestrationRun<string> run = driver.Run("Swallow", async context =>
        {
            try
            {
                await context.WaitForExternalEvent<int>("Ping", TimeSpan.FromSeconds(1));
            }
            catch (TaskCanceledException)
            {
            }

            await context.CreateTimer(TimeSpan.FromSeconds(9), CancellationToken.None);
            try
            {
                return "got " + await context.WaitForExternalEvent<int>("Ping", TimeSpan.FromSeconds(1));
            }
            catch (TaskCanceledException)
            {
                return "lost";
            }
        });

        run.Output.Should().Be("got 1");
        RecordedEvent ping = run.Events.Should().ContainSingle().Subject;
        (ping.Disposition, ping.RaisedAt, ping.ReceivedAt).Should().Be((EventDisposition.Delivered, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Replay_OrchestratorUsesDateTimeNow_IsReportedAsNondeterministic()
    {
        var driver = new OrchestrationDriver().OnActivity<DateTime, string>("Stamp", at => "ok");

        Action run = () => driver.Run("Clocked", async context =>
        {
            await context.CallActivityAsync<string>("Stamp", DateTime.UtcNow);
            return "done";
        });

        NondeterministicOrchestrationException ex = run.Should().Throw<NondeterministicOrchestrationException>().Which;
        ex.Expected!.Name.Should().Be("Stamp");
        ex.Actual!.Name.Should().Be("Stamp");
        ex.Expected.Detail.Should().NotBe(ex.Actual.Detail);
        ex.Message.Should().Contain("Clocked is not deterministic").And.Contain("activity 'Stamp' with input").And.Contain("context.CurrentUtcDateTime");
    }

    [Fact]
    public void Replay_OrchestratorBranchesOnStaticState_IsReportedAsNondeterministic()
    {
        int runs = 0;
        var driver = new OrchestrationDriver().OnActivity<string, string>("A", x => x).OnActivity<string, string>("B", x => x);

        Action run = () => driver.Run("Branchy", async context =>
        {
            runs++;
            return await context.CallActivityAsync<string>(runs == 1 ? "A" : "B", "x");
        });

        run.Should().Throw<NondeterministicOrchestrationException>()
            .WithMessage("*scheduled activity 'B' with input \"x\" at 00:00:00 where the first run scheduled activity 'A'*");
    }

    [Fact]
    public void Replay_DeterministicOrchestrator_PassesAndSeesIsReplaying()
    {
        var replaying = new List<bool>();
        var guids = new List<Guid>();
        var driver = new OrchestrationDriver().OnActivity<Guid, string>("Use", g => g.ToString("N")).RaiseEvent("Go", "now", TimeSpan.FromSeconds(3));

        OrchestrationRun<string> run = driver.Run("Steady", async context =>
        {
            ILogger logger = context.CreateReplaySafeLogger("Steady");
            Guid id = context.NewGuid();
            guids.Add(id);
            string used = await context.CallActivityAsync<string>("Use", id);
            replaying.Add(context.IsReplaying);
            await context.WaitForExternalEvent<string>("Go", TimeSpan.FromMinutes(15));
            replaying.Add(context.IsReplaying);
            logger.LogInformation("done");
            context.SetCustomStatus(new { stage = "done" });
            return used;
        });

        run.ReplayChecked.Should().BeTrue();
        guids.Should().HaveCount(2).And.OnlyContain(g => g == guids[0]);
        run.Output.Should().Be(guids[0].ToString("N"));
        replaying.Should().Equal(false, false, true, false); // first run; replay: replaying, then the last episode is new
        run.CustomStatuses.Should().ContainSingle().Which.SerializedStatus.Should().Be("{\"stage\":\"done\"}");
    }

    [Fact]
    public void Stuck_WaitWithoutTimeoutAndNoEvent_ReportsWhatItWaitsFor()
    {
        var driver = new OrchestrationDriver().OnActivity<string, string>("Ring", x => x);

        Action run = () => driver.Run("Hopeful", async context =>
        {
            await context.CallActivityAsync<string>("Ring", "agent");
            await context.CreateTimer(TimeSpan.FromSeconds(30), CancellationToken.None);
            return await context.WaitForExternalEvent<string>("Answered");
        });

        OrchestrationStuckException ex = run.Should().Throw<OrchestrationStuckException>().Which;
        ex.WaitingFor.Should().Equal("Answered");
        ex.Message.Should().Contain("Hopeful (test-Hopeful) is stuck at 00:00:30")
            .And.Contain("'Answered' (waiting since 00:00:30)")
            .And.Contain("activity 'Ring' scheduled at 00:00:00");
        ex.Run!.Elapsed.Should().Be(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Stuck_AwaitsTaskRun_IsReportedAsLeavingTheOrchestrationScheduler()
    {
        var driver = new OrchestrationDriver();
        using var release = new ManualResetEventSlim();

        Action run = () => driver.Run("Threaded", async context =>
        {
            await Task.Run(() => release.Wait());
            return await context.CallActivityAsync<int>("Never");
        });

        run.Should().Throw<OrchestrationTestException>().WithMessage("*Task.Run*");
        release.Set();
    }

    [Fact]
    public void UnscriptedActivity_FailsTheTestNamingIt()
    {
        Action run = () => new OrchestrationDriver().Run("Forgetful", context => context.CallActivityAsync<int>("Unknown", 42));

        run.Should().Throw<OrchestrationTestException>().WithMessage("*activity 'Unknown' (input 42)*register a handler with OnActivity*");
    }

    [Fact]
    public void ContinueAsNew_RestartsWithNewInputAndKeepsVirtualTime()
    {
        var driver = new OrchestrationDriver();

        OrchestrationRun<int> run = driver.Run("Counter", async context =>
        {
            int count = context.GetInput<int>();
            await context.CreateTimer(TimeSpan.FromMinutes(1), CancellationToken.None);
            if (count < 3)
            {
                context.ContinueAsNew(count + 1);
                return -1;
            }

            return count;
        }, 0);

        run.Output.Should().Be(3);
        run.Generations.Should().Be(4);
        run.Elapsed.Should().Be(TimeSpan.FromMinutes(4));
        run.ReplayChecked.Should().BeTrue();
    }

    [Fact]
    public void SubOrchestration_Scripted_ReturnsItsResultAndUsesAGuidForItsInstanceId()
    {
        string? childInstance = null;
        var driver = new OrchestrationDriver().OnSubOrchestration("Child", call =>
        {
            childInstance = call.SerializedInput;
            return ActivityResult.Completed(call.GetInput<int>() * 2);
        });

        OrchestrationRun<int> run = driver.Run("Parent", context => context.CallSubOrchestratorAsync<int>("Child", 21));

        run.Output.Should().Be(42);
        run.Actions.Should().ContainSingle().Which.Detail.Should().MatchRegex("^21 as instance [0-9a-f]{32}$");
        childInstance.Should().Be("21");
    }
}
