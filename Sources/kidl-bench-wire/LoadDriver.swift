import Foundation
import HummingbirdWSClient
import Logging
import Synchronization

/// Drives a server with `connections` WebSocket clients, each in a closed loop (send one request, wait for the
/// reply, repeat) for a bounded time, and collects the latency of every round trip after the warm-up.
struct LoadDriver: Sendable {
    enum Target: Sendable {
        /// The echo server: the same invoke text as `kurentoInvoke`, sent back unchanged.
        case echo
        /// `invoke getName` on a pipeline of the connection's own session (created first).
        case kurentoInvoke
    }

    struct Result: Sendable {
        var roundTrips: Int
        var seconds: Double
        /// CPU time of the whole process (servers and clients) during the measurement, in seconds.
        var cpuSeconds: Double
        /// Sorted latencies in microseconds.
        var latencies: [Double]

        var perSecond: Double { Double(roundTrips) / seconds }
        /// Process CPU per round trip, in microseconds: less sensitive than throughput to other load on the machine.
        var cpuPerRoundTrip: Double { cpuSeconds * 1e6 / Double(max(1, roundTrips)) }
        func percentile(_ p: Double) -> Double {
            guard !latencies.isEmpty else { return .nan }
            return latencies[min(latencies.count - 1, Int((Double(latencies.count) * p).rounded(.down)))]
        }
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    let seconds: Double
    let warmup: Double
    let logger: Logger

    func run(url: String, connections: Int, target: Target) async throws -> Result {
        let start = ContinuousClock.now
        let measureFrom = start + .milliseconds(Int(warmup * 1000))
        let measureUntil = measureFrom + .milliseconds(Int(seconds * 1000))
        let cpu = Task {
            try await Task.sleep(until: measureFrom)
            let begin = Self.processCPUSeconds()
            try await Task.sleep(until: measureUntil)
            return Self.processCPUSeconds() - begin
        }
        let samples = try await withThrowingTaskGroup(of: [Double].self) { group in
            for index in 0..<connections {
                group.addTask {
                    try await connection(url: url, index: index, target: target, from: measureFrom, until: measureUntil)
                }
            }
            var all: [Double] = []
            for try await latencies in group { all += latencies }
            return all
        }
        return Result(roundTrips: samples.count, seconds: seconds, cpuSeconds: try await cpu.value, latencies: samples.sorted())
    }

    /// The process's peak resident memory (the request cache keeps 20 s of responses).
    static func peakResidentMiB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }

    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// One client: set-up, then round trips until `until`; latencies (µs) of those started in [from, until).
    private func connection(url: String, index: Int, target: Target, from: ContinuousClock.Instant,
                            until: ContinuousClock.Instant) async throws -> [Double] {
        let collected = Mutex<[Double]>([])
        try await WebSocketClient.connect(url: url, configuration: .init(maxFrameSize: 1 << 20), logger: logger) { inbound, outbound, _ in
            var replies = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
            func roundTrip(_ text: String) async throws -> String {
                try await outbound.write(.text(text))
                guard case .text(let reply)? = try await replies.next() else { throw Failure(description: "connection \(index) ended") }
                return reply
            }
            // A session and a pipeline of its own, for the invokes (and the same text for the echo).
            var object = "00000000-0000-4000-8000-000000000000_kurento.MediaPipeline", session = "00000000-0000-4000-8000-00000000000\(index % 10)"
            if case .kurentoInvoke = target {
                let reply = try await roundTrip(#"{"jsonrpc":"2.0","id":0,"method":"create","params":{"type":"MediaPipeline"}}"#)
                guard let data = reply.data(using: .utf8),
                      let result = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["result"] as? [String: Any],
                      let id = result["value"] as? String, let sid = result["sessionId"] as? String else {
                    throw Failure(description: "create failed: \(reply)")
                }
                (object, session) = (id, sid)
            }
            var latencies: [Double] = []
            latencies.reserveCapacity(200_000)
            var id = 1
            while true {
                let begin = ContinuousClock.now
                if begin >= until { break }
                // Ids grow, as a real client's: no duplicate-request cache hit.
                let text = #"{"jsonrpc":"2.0","id":\#(id),"method":"invoke","params":{"object":"\#(object)","operation":"getName","sessionId":"\#(session)"}}"#
                id += 1
                let reply = try await roundTrip(text)
                let end = ContinuousClock.now
                // Replies are checked now and then (a full check per reply would weigh on the client side).
                if case .kurentoInvoke = target, id % 1024 == 2, !reply.contains("\"result\"") { throw Failure(description: "invoke failed: \(reply)") }
                if begin >= from {
                    let d = (end - begin).components
                    latencies.append(Double(d.seconds) * 1e6 + Double(d.attoseconds) / 1e12)
                }
            }
            if case .kurentoInvoke = target {
                _ = try await roundTrip(#"{"jsonrpc":"2.0","id":\#(id),"method":"release","params":{"object":"\#(object)"}}"#)
            }
            collected.withLock { $0 = latencies }
            try await outbound.close(.normalClosure, reason: nil)
        }
        return collected.withLock { $0 }
    }
}
