import FlowDashCore
import Foundation
import Testing

struct FailureStreakTests {
    private func run(_ id: Int, _ status: RunStatus, at minute: Double, finishedAfter: Double? = nil,
                     inputs: TriggerInputs = [:], resubmittedFrom: Int? = nil) -> RunSummary {
        let started = Date(timeIntervalSince1970: minute * 60)
        return RunSummary(id: RunID(String(id)), flow: "sync", status: status, startedAt: started,
                          finishedAt: finishedAfter.map { started.addingTimeInterval($0) }, inputs: inputs,
                          resubmittedFrom: resubmittedFrom.map { RunID(String($0)) })
    }

    @Test func aSuccessInTheMiddleEndsTheOlderStreak() throws {
        let runs = [run(6, .failed, at: 60), run(5, .failed, at: 50), run(4, .succeeded, at: 40),
                    run(3, .failed, at: 30), run(2, .failed, at: 20)]
        let streak = try #require(FailureStreak.current(in: runs))
        #expect(streak.failedRuns.map(\.id) == [RunID("6"), RunID("5")])
        #expect(streak.oldest.id == RunID("5"))
    }

    @Test func cancelledAndInterruptedRunsNeitherCountNorEndTheStreak() throws {
        let runs = [run(5, .cancelled, at: 50), run(4, .failed, at: 40), run(3, .interrupted, at: 30),
                    run(2, .failed, at: 20), run(1, .succeeded, at: 10)]
        let streak = try #require(FailureStreak.current(in: runs))
        #expect(streak.failureCount == 2)
        #expect(streak.newest.id == RunID("4"))
        #expect(streak.oldest.id == RunID("2"))
    }

    @Test func runsStillGoingAreIgnored() throws {
        let runs = [run(4, .running, at: 40), run(3, .queued, at: 35), run(2, .failed, at: 20), run(1, .succeeded, at: 10)]
        let streak = try #require(FailureStreak.current(in: runs))
        #expect(streak.failedRuns.map(\.id) == [RunID("2")])
    }

    @Test func aSingleFailureIsAStreakOfOneThatBeganWhenItEnded() throws {
        let runs = [run(1, .failed, at: 10, finishedAfter: 90)]
        let streak = try #require(FailureStreak.current(in: runs))
        #expect(streak.failureCount == 1)
        #expect(streak.firstFailedAt == Date(timeIntervalSince1970: 10 * 60 + 90))
    }

    @Test func aResubmittedRunThatSucceededEndsTheStreak() {
        let runs = [run(3, .succeeded, at: 30, resubmittedFrom: 2), run(2, .failed, at: 20), run(1, .failed, at: 10)]
        #expect(FailureStreak.current(in: runs) == nil)
    }

    @Test func aFailedResubmitContinuesTheStreak() throws {
        let runs = [run(3, .failed, at: 30, resubmittedFrom: 2), run(2, .failed, at: 20), run(1, .succeeded, at: 10)]
        #expect(try #require(FailureStreak.current(in: runs)).failureCount == 2)
    }

    @Test func flowsWithNoFailureOrOnlyLiveRunsHaveNoStreak() {
        #expect(FailureStreak.current(in: []) == nil)
        #expect(FailureStreak.current(in: [run(2, .succeeded, at: 20), run(1, .succeeded, at: 10)]) == nil)
        #expect(FailureStreak.current(in: [run(1, .running, at: 10)]) == nil)
        #expect(FailureStreak.current(in: [run(2, .cancelled, at: 20), run(1, .succeeded, at: 10)]) == nil)
    }

    @Test func aRunListedTwiceCountsOnceAndOrderDoesNotMatter() throws {
        let runs = [run(2, .failed, at: 20), run(3, .failed, at: 30), run(2, .failed, at: 20), run(1, .succeeded, at: 10)]
        let streak = try #require(FailureStreak.current(in: runs))
        #expect(streak.failedRuns.map(\.id) == [RunID("3"), RunID("2")])
    }

    @Test func aFullWindowWithoutSuccessMakesTheCountALowerBound() throws {
        let failures = [run(2, .failed, at: 20), run(1, .failed, at: 10)]
        #expect(try #require(FailureStreak.current(in: failures, windowIsFull: true)).mayContinueBeyondWindow)
        #expect(try #require(FailureStreak.current(in: failures, windowIsFull: false)).mayContinueBeyondWindow == false)
        let withSuccess = failures + [run(0, .succeeded, at: 5)]
        #expect(try #require(FailureStreak.current(in: withSuccess, windowIsFull: true)).mayContinueBeyondWindow == false)
    }
}
