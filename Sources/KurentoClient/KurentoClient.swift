import Foundation
import KurentoRuntime

/// A connection to a Kurento server: JSON-RPC 2.0 over one WebSocket (reference §6), the way the Kurento
/// JavaScript client talks (kurento-client-behaviour.md). Requests get integer ids from 0 and are answered
/// by id; the session id of every result is adopted and sent with every later request; a dropped connection
/// is reopened and the session resumed with `connect {sessionId}`; `onEvent` notifications go to the
/// subscribers of their object and type.
///
/// Generated proxies (`MediaPipeline.create(client)` …) use this; the methods below speak the protocol
/// directly, with plain JSON.
public actor KurentoClient {
    /// The server's WebSocket URL (`ws://host:8888/kurento`).
    public nonisolated let url: String
    public nonisolated let configuration: Configuration

    /// The session, once the server named one (every result carries it).
    public internal(set) var sessionID: String?

    enum Phase {
        /// Opening the first connection.
        case starting
        /// Requests go out as they are made.
        case ready
        /// The connection dropped; requests wait for the next one.
        case reconnecting
        case closed
    }

    var phase = Phase.starting
    var nextRequestID: Int64 = 0
    var pending: [Int64: PendingRequest] = [:]
    var socket: ClientSocket?
    /// Counts connections, so that news from an old one is told apart.
    var generation = 0
    var subscriptions = SubscriptionTable()
    var observers: [UUID: AsyncStream<ConnectionEvent>.Continuation] = [:]
    /// Qualified types of the objects this client created or described, by id.
    var knownTypes: [String: String] = [:]
    var heartbeat: Task<Void, Never>?
    var reconnection: Task<Void, Never>?

    init(url: String, configuration: Configuration) {
        self.url = url
        self.configuration = configuration
    }

    deinit {
        heartbeat?.cancel()
        reconnection?.cancel()
        socket?.close()
    }

    /// Opens a connection and starts a session: `ping`, then `describe` of the server manager (the first frames
    /// of the JavaScript client), whose result names the session.
    public static func connect(to url: String, configuration: Configuration = .init()) async throws -> KurentoClient {
        let client = KurentoClient(url: url, configuration: configuration)
        try await client.start()
        return client
    }

    private func start() async throws {
        do {
            try await openSocket()
            // The JavaScript client's first ping announces its ping interval.
            post("ping", configuration.heartbeatInterval.map { ["interval": .int($0.milliseconds)] }, control: true)
            _ = try await call("describe", ["object": .string(Self.serverManagerID)], control: true)
        } catch {
            close()
            throw error
        }
        becomeReady()
        startHeartbeat()
    }

    /// The id of the server's `ServerManager`, the same on every Kurento server.
    public static let serverManagerID = "manager_ServerManager"

    // MARK: Requests

    /// Sends a request and returns its `result` object (errors are thrown as `KurentoError`). The session id
    /// is added to `params`, except for `ping` and `connect`.
    public func request(_ method: String, _ params: [String: JSON]? = nil, timeout: Duration? = nil) async throws -> JSON {
        try await call(method, params, timeout: timeout)
    }

    func call(_ method: String, _ params: [String: JSON]?, timeout: Duration? = nil, control: Bool = false) async throws -> JSON {
        try Task.checkCancellation()
        let id = nextRequestID
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<JSON, any Error>) in
                post(method, params, timeout: timeout, control: control, continuation: continuation)
            }
        } onCancel: {
            Task { await self.abandon(id) }
        }
    }

    /// Queues a request, sends it when the connection allows, and returns its id.
    @discardableResult
    func post(_ method: String, _ params: [String: JSON]?, timeout: Duration? = nil, control: Bool = false,
              continuation: CheckedContinuation<JSON, any Error>? = nil) -> Int64 {
        let id = nextRequestID
        nextRequestID += 1
        if phase == .closed {
            continuation?.resume(throwing: KurentoClientError.closed("the client is closed"))
            return id
        }
        var params = params
        if method != "ping", method != "connect", let sessionID, params?["sessionId"] == nil {
            params = (params ?? [:]).merging(["sessionId": .string(sessionID)]) { a, _ in a }
        }
        var frame: [String: JSON] = ["jsonrpc": "2.0", "id": .int(id), "method": .string(method)]
        if let params { frame["params"] = .object(params) }
        let limit = timeout ?? configuration.requestTimeout
        var request = PendingRequest(method: method, text: JSON.object(frame).text, isControl: control,
                                     continuation: continuation, sentOn: nil, timeout: nil)
        request.timeout = Task { [weak self] in
            guard (try? await Task.sleep(for: limit)) != nil else { return }
            await self?.expire(id, after: limit)
        }
        pending[id] = request
        transmit(id)
        return id
    }

    /// Writes a pending request to the connection if it may go now: control requests whenever a connection
    /// is open, others once the session is ready.
    func transmit(_ id: Int64) {
        guard let socket, let request = pending[id], request.sentOn != generation else { return }
        guard request.isControl || phase == .ready else { return }
        socket.send(request.text)
        configuration.trace?(.sent(request.text))
        pending[id]?.sentOn = generation
    }

    func finish(_ id: Int64, _ result: Result<JSON, any Error>) {
        pending.removeValue(forKey: id)?.finish(result)
    }

    private func expire(_ id: Int64, after limit: Duration) {
        guard let request = pending[id] else { return }
        finish(id, .failure(KurentoClientError.timeout(request.method, after: limit)))
    }

    private func abandon(_ id: Int64) {
        finish(id, .failure(CancellationError()))
    }

    // MARK: Messages

    /// Handles one message from the server, in the order they came.
    func receive(_ text: String) {
        configuration.trace?(.received(text))
        switch ResponseMessage(text: text) {
        case .response(let id, let result):
            if case .success(let value) = result { adoptSession(from: value) }
            finish(id, result)
        case .notification(let method, let params):
            if method == "onEvent" { deliverEvent(params["value"] ?? .null) }
        case .invalid(let reason):
            configuration.logger.warning("ignored a message from the server (\(reason)): \(text.prefix(200))")
        }
    }

    /// The JavaScript client's rule: whatever session a result names becomes the client's, except the `pong`
    /// of a ping. A result without one leaves the session as it is (the server then injects it).
    private func adoptSession(from result: JSON) {
        guard case .string(let session)? = result["sessionId"], result["value"] != .string("pong") else { return }
        sessionID = session
    }

    // MARK: Closing

    /// Closes the connection for good. Pending requests fail with `connectionClosed`, event streams end. The
    /// session stays on the server until it expires (like the JavaScript client, no `closeSession` is sent).
    public func close() {
        guard phase != .closed else { return }
        shutDown(KurentoClientError.closed("the client was closed"))
    }

    func shutDown(_ error: KurentoClientError) {
        phase = .closed
        heartbeat?.cancel()
        reconnection?.cancel()
        socket?.close()
        socket = nil
        for id in pending.keys.sorted() { finish(id, .failure(error)) }
        for entry in subscriptions.removeAll() { entry.continuation.finish() }
        notify(.closed)
        for observer in observers.values { observer.finish() }
        observers = [:]
    }

    /// Closes the session on the server (`closeSession`), releasing its objects when `release` is set.
    public func closeSession(release: Bool = false) async throws {
        guard let sessionID else { return }
        _ = try await call("closeSession", ["sessionId": .string(sessionID), "release": .bool(release)])
    }

    // MARK: Watching the connection

    /// The connection's events from now on, until the client closes.
    public func connectionEvents() -> AsyncStream<ConnectionEvent> {
        let (stream, continuation) = AsyncStream<ConnectionEvent>.makeStream(bufferingPolicy: .bufferingNewest(64))
        guard phase != .closed else {
            continuation.yield(.closed)
            continuation.finish()
            return stream
        }
        let key = UUID()
        observers[key] = continuation
        continuation.onTermination = { [weak self] _ in Task { await self?.removeObserver(key) } }
        return stream
    }

    private func removeObserver(_ key: UUID) { observers[key] = nil }

    func notify(_ event: ConnectionEvent) {
        for observer in observers.values { observer.yield(event) }
    }

    /// How many requests wait for an answer (for tests and diagnostics).
    public var pendingRequestCount: Int { pending.count }
}

extension Duration {
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
