import Foundation
import HummingbirdWSClient
import KurentoRuntime
import Logging
import Synchronization

/// One WebSocket client of the load test: JSON-RPC requests matched to their responses by id, notifications
/// counted. `vanish()` drops the connection without a word, as a crashed client would.
final class LoadConnection: Sendable {
    struct CallError: Error, CustomStringConvertible {
        var description: String
    }

    private let outgoing: AsyncStream<String>.Continuation
    private let runner: Task<Void, Never>
    private let pending = Mutex<[Int64: CheckedContinuation<JSON, any Error>]>([:])
    private let closed = Mutex(false)
    private let nextID = Mutex<Int64>(1)
    /// The session the server gave this connection (from the first result that names one).
    let session = Mutex<String?>(nil)
    let notifications = Mutex(0)

    private init(outgoing: AsyncStream<String>.Continuation, runner: Task<Void, Never>) {
        self.outgoing = outgoing
        self.runner = runner
    }

    static func open(url: String) async throws -> LoadConnection {
        let (readyStream, ready) = AsyncThrowingStream<Void, any Error>.makeStream()
        let (outStream, out) = AsyncStream<String>.makeStream()
        let box = Mutex<LoadConnection?>(nil)
        var logger = Logger(label: "kidl-load")
        logger.logLevel = .critical
        let runner = Task {
            do {
                try await WebSocketClient.connect(url: url, configuration: .init(maxFrameSize: 1 << 24), logger: logger) { inbound, outbound, _ in
                    ready.yield(())
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask {
                            for await text in outStream { try await outbound.write(.text(text)) }
                        }
                        for try await message in inbound.messages(maxSize: 1 << 24) {
                            if case .text(let text) = message { box.withLock { $0 }?.received(text) }
                        }
                        group.cancelAll()
                    }
                }
                ready.finish()
            } catch {
                ready.finish(throwing: error)
            }
            box.withLock { $0 }?.failAll("connection closed")
        }
        let connection = LoadConnection(outgoing: out, runner: runner)
        box.withLock { $0 = connection }
        for try await _ in readyStream { return connection }
        throw CallError(description: "the WebSocket to \(url) closed before the upgrade")
    }

    /// Sends a request and waits for its result (`result` of the response); a JSON-RPC error throws.
    func call(_ method: String, _ params: [String: JSON] = [:], timeout: Duration = .seconds(20)) async throws -> JSON {
        let id = nextID.withLock { id in defer { id += 1 }; return id }
        let frame: JSON = ["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": .object(params)]
        let timer = Task { [weak self] in
            try await Task.sleep(for: timeout)
            self?.resolve(id, .failure(CallError(description: "\(method): no response in \(timeout)")))
        }
        defer { timer.cancel() }
        return try await withCheckedThrowingContinuation { continuation in
            let accepted = pending.withLock { table -> Bool in
                guard !closed.withLock({ $0 }) else { return false }
                table[id] = continuation
                return true
            }
            guard accepted else { continuation.resume(throwing: CallError(description: "connection closed")); return }
            outgoing.yield(frame.text)
        }
    }

    private func received(_ text: String) {
        guard let json = JSON(text: text) else { return }
        guard case .int(let id)? = json["id"] else {
            notifications.withLock { $0 += 1 }
            return
        }
        if let error = json["error"] {
            resolve(id, .failure(CallError(description: "\(error["code"]?.text ?? "?") \(error["message"]?.stringValue ?? "")")))
        } else {
            let result = json["result"] ?? .null
            if let s = result["sessionId"]?.stringValue { session.withLock { if $0 == nil { $0 = s } } }
            resolve(id, .success(result))
        }
    }

    private func resolve(_ id: Int64, _ result: Result<JSON, any Error>) {
        pending.withLock { $0.removeValue(forKey: id) }?.resume(with: result)
    }

    private func failAll(_ reason: String) {
        let waiting = pending.withLock { table in
            closed.withLock { $0 = true }
            defer { table.removeAll() }
            return Array(table.values)
        }
        for continuation in waiting { continuation.resume(throwing: CallError(description: reason)) }
    }

    /// Closes the connection the polite way and waits until it is gone.
    func close() async {
        outgoing.finish()
        runner.cancel()
        await runner.value
    }

    /// Drops the connection without releasing anything.
    func vanish() async {
        runner.cancel()
        outgoing.finish()
        await runner.value
    }
}
