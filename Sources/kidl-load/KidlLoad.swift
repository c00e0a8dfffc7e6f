import ArgumentParser
import Foundation
import KurentoRuntime

/// `kidl-load`: many concurrent WebSocket clients against a kidl-server on this machine, a random mix of
/// requests, bounded in rounds and time; then checks that every object is gone (clients that vanished
/// included, after the server's session timeout) while a client that stayed connected kept its objects.
@main
struct KidlLoad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kidl-load",
        abstract: "Load and soak test of a kidl-server on loopback (see scripts/load.sh).")

    @Option(help: "The server's WebSocket URL; only loopback hosts are accepted.") var url = "ws://127.0.0.1:8888/kurento"
    @Option(help: "Concurrent clients.") var clients = 32
    @Option(help: "Rounds (sessions) per client.") var rounds = 20
    @Option(help: "Requests per round, at most.") var operations = 25
    @Option(help: "Share of rounds that end by dropping the connection without releasing anything.") var vanish = 0.1
    @Option(help: "Stop starting requests after this many seconds.") var duration = 60
    @Option(help: "The server's --session-timeout, in seconds: how long vanished clients' objects may live.")
    var sessionTimeout = 3
    @Option(help: "Seed of the clients' random choices.") var seed: UInt64 = 1

    func validate() throws {
        guard let host = URL(string: url)?.host, ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host) || host.hasPrefix("127.") else {
            throw ValidationError("kidl-load only talks to this machine (127.0.0.0/8, localhost, ::1), not to '\(url)'")
        }
    }

    func run() async throws {
        let control = try await LoadConnection.open(url: url)
        let baseline = try await memory(control)
        // A client that stays connected all along: its objects must survive everything the others do.
        let keeper = try await LoadConnection.open(url: url)
        let kept = try await keeper.call("create", ["type": "MediaPipeline"])["value"]?.stringValue ?? ""
        let keptElement = try await keeper.call("create", ["type": "PassThrough", "constructorParams": ["mediaPipeline": .string(kept)]])["value"]?.stringValue ?? ""

        let statistics = LoadStatistics()
        let workload = LoadWorkload(url: url, operations: operations, vanishFraction: vanish, statistics: statistics)
        statistics.sampleMemory(baseline)
        let start = ContinuousClock.now
        let deadline = start + .seconds(duration)
        print("kidl-load: \(clients) clients × \(rounds) rounds × ≤\(operations) requests against \(url), at most \(duration) s")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for client in 0..<clients {
                group.addTask { [rounds, seed] in
                    var random = LoadWorkload.Random(state: seed &* 1_000_003 &+ UInt64(client))
                    for _ in 0..<rounds where ContinuousClock.now < deadline {
                        do {
                            statistics.ended(try await workload.round(&random, until: deadline))
                        } catch {
                            statistics.roundFailed(error)
                        }
                    }
                }
            }
            // Samples the server's memory while the clients run.
            group.addTask {
                while ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(500))
                    if let m = try? await self.memory(control) { statistics.sampleMemory(m) }
                    if statistics.endings.values.reduce(0, +) + statistics.roundErrors.count >= clients * rounds { return }
                }
            }
            try await group.waitForAll()
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let ended = statistics.endings
        let errors = statistics.roundErrors
        print(String(format: "requests: %d in %.1f s = %.0f requests/s; latency p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                     statistics.count, seconds, Double(statistics.count) / seconds,
                     statistics.percentile(0.5), statistics.percentile(0.99), statistics.percentile(1)))
        print("rounds: \(ended[.released] ?? 0) released, \(ended[.vanished] ?? 0) vanished, \(errors.count) failed")
        for (what, n) in statistics.failures.sorted(by: { $0.key < $1.key }) { print("  failed \(n)×: \(what)") }
        for error in errors.prefix(20) { print("  round error: \(error)") }

        // The vanished clients' objects go after the session timeout (the server checks every few seconds).
        var problems: [String] = []
        let waitLimit = ContinuousClock.now + .seconds(sessionTimeout + 30)
        var left = try await pipelines(control)
        while left != [kept], ContinuousClock.now < waitLimit {
            try await Task.sleep(for: .milliseconds(500))
            left = try await pipelines(control)
        }
        let waited = ContinuousClock.now - (start + elapsed)
        if left != [kept] { problems.append("pipelines left after the session timeout: \(left.count) (expected only the kept one)") }
        // Nothing else was touched: the connected client's pipeline and element are still there and its own.
        do {
            _ = try await keeper.call("describe", ["object": .string(keptElement)])
            _ = try await keeper.call("invoke", ["object": .string(keptElement), "operation": "getName", "operationParams": [:]])
        } catch {
            problems.append("the connected client's element was touched: \(error)")
        }
        _ = try await keeper.call("release", ["object": .string(kept)])
        await keeper.close()
        let finalPipelines = try await pipelines(control)
        if !finalPipelines.isEmpty { problems.append("pipelines left at the end: \(finalPipelines.count)") }
        let end = try await memory(control)
        print("objects: \(finalPipelines.count) pipelines at the end (vanished sessions released after \(waited.formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 1)))))")
        print("server memory (RSS): baseline \(baseline / 1024) MiB, peak \(statistics.peakMemory / 1024) MiB, end \(end / 1024) MiB")
        await control.close()
        if statistics.count == 0 { problems.append("no request succeeded") }
        if !errors.isEmpty { problems.append("\(errors.count) rounds failed") }
        guard problems.isEmpty else {
            for p in problems { print("kidl-load: FAILED: \(p)") }
            throw ExitCode.failure
        }
        print("kidl-load: passed")
    }

    private func memory(_ connection: LoadConnection) async throws -> Int64 {
        let value = try await connection.call("invoke", ["object": "manager_ServerManager", "operation": "getUsedMemory", "operationParams": [:]])["value"]
        if case .int(let kib)? = value { return kib }
        return 0
    }

    private func pipelines(_ connection: LoadConnection) async throws -> [String] {
        let value = try await connection.call("invoke", ["object": "manager_ServerManager", "operation": "getPipelines", "operationParams": [:]])["value"]
        return (value?.arrayValue ?? []).compactMap(\.stringValue).sorted()
    }
}
