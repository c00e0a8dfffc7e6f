import Foundation
import KurentoRuntime
import KurentoServer
import KurentoWebSocket
import Logging

/// Wire figures (README, Benchmarks): `invoke` round trips per second and p50/p99 latency over loopback
/// WebSockets against the Kurento server (platform modules, protocol handler, Hummingbird transport), side by side
/// with a bare WebSocket echo server on the same stack, both started in this process on free ports and driven
/// by HummingbirdWSClient clients, each connection sending one request and waiting for its answer. Run in
/// release mode: `swift run -c release kidl-bench-wire`.
///
///     kidl-bench-wire [--seconds S] [--warmup S] [--connections 1,16] [--rounds N] [--no-request-cache]
@main
struct BenchWire {
    struct Options {
        var seconds = 3.0
        var warmup = 0.5
        var connections = [1, 16]
        var rounds = 1
        /// Without the duplicate-request cache (reference §6.7), which is on in kidl-server.
        var requestCache = true

        init(_ arguments: [String]) {
            var it = arguments.makeIterator()
            while let a = it.next() {
                switch a {
                case "--seconds": seconds = it.next().flatMap(Double.init) ?? seconds
                case "--warmup": warmup = it.next().flatMap(Double.init) ?? warmup
                case "--connections":
                    connections = it.next().map { $0.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 } } ?? connections
                case "--rounds": rounds = max(1, it.next().flatMap(Int.init) ?? rounds)
                case "--no-request-cache": requestCache = false
                default:
                    FileHandle.standardError.write(Data("usage: kidl-bench-wire [--seconds S] [--warmup S] [--connections 1,16] [--rounds N] [--no-request-cache]\n".utf8))
                    exit(2)
                }
            }
        }
    }

    static func main() async throws {
        let options = Options(Array(CommandLine.arguments.dropFirst()))
        var logger = Logger(label: "kidl.bench.wire")
        logger.logLevel = .critical

        let core = KurentoServerCore()
        let kurento = KurentoWebSocketServer(handler: KurentoProtocolHandler(dispatcher: core.dispatcher,
                                                                                    requestCacheLifetime: options.requestCache ? .seconds(20) : nil),
                                             configuration: .init(port: 0), logger: logger)
        let echo = EchoServer(logger: logger)
        let (kurentoTask, kurentoPort) = try await start { onListening in try await kurento.run(onListening: onListening) }
        let (echoTask, echoPort) = try await start { onListening in try await echo.run(onListening: onListening) }
        defer {
            kurentoTask.cancel()
            echoTask.cancel()
        }
        let load = LoadDriver(seconds: options.seconds, warmup: options.warmup, logger: logger)
        print("kidl-bench-wire: \(options.seconds) s per run after \(options.warmup) s of warm-up, "
              + "\(ProcessInfo.processInfo.activeProcessorCount) cores, servers and clients in one process, "
              + "duplicate-request cache \(options.requestCache ? "on" : "off")")
        print(Report.header)
        for round in 1...options.rounds {
            for connections in options.connections {
                let echoed = try await load.run(url: "ws://127.0.0.1:\(echoPort)/echo", connections: connections, target: .echo)
                let invoked = try await load.run(url: "ws://127.0.0.1:\(kurentoPort)/kurento", connections: connections, target: .kurentoInvoke)
                print(Report.line(round: round, connections: connections, echo: echoed, kurento: invoked))
            }
        }
        print("peak resident memory: \(LoadDriver.peakResidentMiB()) MiB")
    }

    /// Starts a server and returns its task and the port it listens on.
    private static func start(_ run: @escaping @Sendable (@escaping @Sendable (Int) async -> Void) async throws -> Void)
        async throws -> (Task<Void, any Error>, Int) {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let task = Task {
            defer { continuation.finish() }
            try await run { port in continuation.yield(port) }
        }
        for await port in ports { return (task, port) }
        try await task.value
        throw CancellationError()
    }
}
