import Synchronization

/// Latencies and outcomes of every request of a load run.
final class LoadStatistics: Sendable {
    private struct State {
        var latencies: [Double] = []
        var failures: [String: Int] = [:]
        var endings: [LoadWorkload.Ending: Int] = [:]
        var roundErrors: [String] = []
        var peakMemory: Int64 = 0
    }

    private let state = Mutex(State())

    func record(_ latency: Duration) {
        let ms = Double(latency.components.seconds) * 1e3 + Double(latency.components.attoseconds) / 1e15
        state.withLock { $0.latencies.append(ms) }
    }

    func fail(_ what: String) { state.withLock { $0.failures[what, default: 0] += 1 } }

    func ended(_ ending: LoadWorkload.Ending) { state.withLock { $0.endings[ending, default: 0] += 1 } }
    func roundFailed(_ error: any Error) { state.withLock { $0.roundErrors.append("\(error)") } }
    func sampleMemory(_ kib: Int64) { state.withLock { $0.peakMemory = max($0.peakMemory, kib) } }

    var endings: [LoadWorkload.Ending: Int] { state.withLock { $0.endings } }
    var roundErrors: [String] { state.withLock { $0.roundErrors } }
    var peakMemory: Int64 { state.withLock { $0.peakMemory } }

    var count: Int { state.withLock { $0.latencies.count } }
    var failures: [String: Int] { state.withLock { $0.failures } }

    /// The latency below which `fraction` of the requests stayed, in milliseconds.
    func percentile(_ fraction: Double) -> Double {
        let sorted = state.withLock { $0.latencies }.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)]
    }
}
