import Foundation
import HummingbirdWSClient
import KurentoRuntime
import Logging
import NIOCore
import Synchronization

/// A plain WebSocket client (HummingbirdWSClient) that sends raw JSON text and hands back what the server
/// sends, as a real Kurento client would see it. Responses are matched by id; notifications (`onEvent`) that
/// arrive meanwhile are kept for `nextNotification`.
final class WireClient: Sendable {
    enum Outgoing: Sendable {
        case text(String)
        case binary([UInt8])
        /// A text message split into frames of the client's `maxFrameSize` (first frame, continuations).
        case fragmentedText(String)
        case close
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let timeout: Duration = .seconds(15)

    private let inbox: Inbox
    private let outgoing: AsyncStream<Outgoing>.Continuation
    private let runner: Task<Void, Never>
    private let pendingNotifications = Mutex<[JSON]>([])
    /// Messages that were neither the awaited response nor a notification (tests expect none).
    let strays = Mutex<[String]>([])
    /// Ids of `call(_:_:)` without an explicit id, unique across clients: several clients of one session
    /// (a reconnect) must not reuse ids within the duplicate-request cache's lifetime, as a real client does not.
    /// Tests that send raw frames use ids below 1000.
    private static let nextID = Mutex<Int64>(1000)

    private init(inbox: Inbox, outgoing: AsyncStream<Outgoing>.Continuation, runner: Task<Void, Never>) {
        self.inbox = inbox
        self.outgoing = outgoing
        self.runner = runner
    }

    /// Opens a WebSocket to the server on 127.0.0.1 and returns once the upgrade is done.
    /// - Parameter maxFrameSize: the largest frame accepted from the server, and the fragment size of
    ///   `fragmentedText`.
    static func connect(port: Int, path: String = "/kurento", maxFrameSize: Int = 1 << 24) async throws -> WireClient {
        let (readyStream, ready) = AsyncThrowingStream<Void, any Error>.makeStream()
        let (outStream, out) = AsyncStream<Outgoing>.makeStream()
        let inbox = Inbox()
        var logger = Logger(label: "kidl.test.client")
        logger.logLevel = .critical
        let runner = Task {
            do {
                try await WebSocketClient.connect(
                    url: "ws://127.0.0.1:\(port)\(path)", configuration: .init(maxFrameSize: maxFrameSize, closeTimeout: .seconds(5)),
                    logger: logger
                ) { inbound, outbound, _ in
                    ready.yield(())
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask {
                            for await item in outStream {
                                switch item {
                                case .text(let text): try await outbound.write(.text(text))
                                case .binary(let bytes): try await outbound.write(.binary(ByteBuffer(bytes: bytes)))
                                case .fragmentedText(let text): try await outbound.writeTextMessage(text)
                                case .close:
                                    try await outbound.close(.normalClosure, reason: nil)
                                    return
                                }
                            }
                        }
                        for try await message in inbound.messages(maxSize: .max) {
                            switch message {
                            case .text(let text): inbox.push(.text(text))
                            case .binary(let buffer): inbox.push(.binary(Array(buffer: buffer)))
                            }
                        }
                        group.cancelAll()
                    }
                }
                ready.finish()
            } catch {
                ready.finish(throwing: error)
            }
            inbox.finish()
        }
        let client = WireClient(inbox: inbox, outgoing: out, runner: runner)
        for try await _ in readyStream { return client }
        throw Failure(description: "the WebSocket to port \(port) closed before the upgrade")
    }

    func send(_ text: String) { outgoing.yield(.text(text)) }
    func send(_ json: JSON) { outgoing.yield(.text(json.text)) }
    func sendBinary(_ bytes: [UInt8]) { outgoing.yield(.binary(bytes)) }
    func sendFragmented(_ text: String) { outgoing.yield(.fragmentedText(text)) }

    /// Starts the closing handshake and waits until the connection is gone.
    func close() async {
        outgoing.yield(.close)
        outgoing.finish()
        await runner.value
    }

    /// The next message as it came, `.closed` or `.timedOut`.
    func nextItem(timeout: Duration = WireClient.timeout) async -> Inbox.Item {
        await inbox.next(timeout: timeout)
    }

    /// Waits until the server closes the connection (messages before are dropped); false on timeout.
    func waitUntilClosed(timeout: Duration = WireClient.timeout) async -> Bool {
        while true {
            switch await nextItem(timeout: timeout) {
            case .closed: return true
            case .timedOut: return false
            case .text, .binary: continue
            }
        }
    }

    /// A fresh request id (integers, as the JavaScript client uses).
    func makeID() -> JSON { .int(Self.nextID.withLock { id in defer { id += 1 }; return id }) }

    /// Sends `{"jsonrpc":"2.0","id":…,"method":…,"params":…}` and returns the response.
    func call(_ method: String, _ params: JSON? = nil, id: JSON? = nil) async throws -> JSON {
        var request: [String: JSON] = ["jsonrpc": "2.0", "method": .string(method), "id": id ?? makeID()]
        if let params { request["params"] = params }
        return try await call(raw: JSON.object(request).text, id: request["id"]!)
    }

    /// Sends `text` as is and returns the response carrying `id`.
    func call(raw text: String, id: JSON, timeout: Duration = WireClient.timeout) async throws -> JSON {
        send(text)
        return try await response(id: id, timeout: timeout)
    }

    /// Reads until the response with `id` arrives (a message with `result` or `error` and that id).
    func response(id: JSON, timeout: Duration = WireClient.timeout) async throws -> JSON {
        while true {
            let message = try await nextJSON(timeout: timeout)
            if message["method"] != nil {
                pendingNotifications.withLock { $0.append(message) }
            } else if message["id"] == id, message["result"] != nil || message["error"] != nil {
                return message
            } else {
                strays.withLock { $0.append(message.text) }
            }
        }
    }

    /// The next notification (server-to-client request, e.g. `onEvent`), also those read by `response`.
    func nextNotification(timeout: Duration = WireClient.timeout) async throws -> JSON {
        let kept: JSON? = pendingNotifications.withLock { list in list.isEmpty ? Optional<JSON>.none : list.removeFirst() }
        if let kept { return kept }
        while true {
            let message = try await nextJSON(timeout: timeout)
            if message["method"] != nil { return message }
            strays.withLock { $0.append(message.text) }
        }
    }

    /// Notifications received so far and not yet taken, without waiting.
    func takeNotifications() -> [JSON] {
        pendingNotifications.withLock { list in
            defer { list = [] }
            return list
        }
    }

    /// The next message, parsed; throws on timeout, close, binary or non-JSON messages.
    func nextJSON(timeout: Duration = WireClient.timeout) async throws -> JSON {
        switch await nextItem(timeout: timeout) {
        case .text(let text):
            guard let json = JSON(text: text) else { throw Failure(description: "the server sent text that is not JSON: \(text)") }
            return json
        case .binary(let bytes): throw Failure(description: "the server sent a binary message of \(bytes.count) bytes")
        case .closed: throw Failure(description: "the connection closed while a message was awaited")
        case .timedOut: throw Failure(description: "no message from the server within \(timeout)")
        }
    }
}
