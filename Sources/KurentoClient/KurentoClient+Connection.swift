import KurentoRuntime

/// Opening connections, noticing when they drop, reconnecting and resuming the session.
extension KurentoClient {
    /// Opens a new connection; its messages and its end come back to this actor tagged with its generation.
    func openSocket() async throws {
        generation += 1
        let current = generation
        let opened = try await ClientSocket.open(
            url: url, maxMessageSize: configuration.maxMessageSize, logger: configuration.logger,
            onText: { [weak self] text in await self?.receive(text) },
            onClosed: { [weak self] error in Task { await self?.socketClosed(current, error) } })
        guard phase != .closed, generation == current else {
            opened.close()
            throw KurentoClientError.closed("the client was closed")
        }
        socket = opened
    }

    /// Requests that waited for the session go out, in the order they were made.
    func becomeReady() {
        phase = .ready
        for id in pending.keys.sorted() { transmit(id) }
    }

    /// A connection ended. Its control requests fail; the others wait for the next connection.
    func socketClosed(_ closedGeneration: Int, _ error: (any Error)?) {
        guard closedGeneration == generation, phase != .closed else { return }
        configuration.logger.info("connection to \(url) closed\(error.map { ": \($0)" } ?? "")")
        socket = nil
        for (id, request) in pending where request.isControl {
            finish(id, .failure(KurentoClientError.closed()))
        }
        for id in pending.keys { pending[id]?.sentOn = nil }
        guard phase == .ready || phase == .reconnecting else { return }
        if phase == .ready {
            phase = .reconnecting
            notify(.disconnected)
        }
        if reconnection == nil { startReconnecting() }
    }

    /// Opens connections until one resumes the session, or gives up as the policy says. The task holds the
    /// client only during an attempt, not while it waits: a client that nobody holds any more while its
    /// server is gone ends (its deinit cancels the task) instead of retrying forever.
    private func startReconnecting() {
        reconnection = Task { [weak self] in
            var attempts = 0
            while let delay = await self?.delayBeforeReconnecting(after: attempts) {
                guard (try? await Task.sleep(for: delay)) != nil else { return }
                attempts += 1
                guard let client = self, await client.reconnect(attempt: attempts) == .tryAgain else { return }
            }
        }
    }

    enum ReconnectOutcome { case done, tryAgain }

    /// The wait before the next attempt, or nil when there is none: reconnecting is over, or the policy gives up
    /// (the client then closes).
    private func delayBeforeReconnecting(after attempts: Int) -> Duration? {
        guard phase == .reconnecting else {
            reconnection = nil
            return nil
        }
        if let limit = configuration.reconnect.maxAttempts, attempts >= limit {
            reconnection = nil
            shutDown(KurentoClientError.closed("gave up reconnecting to \(url) after \(attempts) attempts"))
            return nil
        }
        return configuration.reconnect.delay(beforeAttempt: attempts)
    }

    /// One attempt: a new connection, then the session resumed on it.
    private func reconnect(attempt: Int) async -> ReconnectOutcome {
        guard phase == .reconnecting else {
            reconnection = nil
            return .done
        }
        do {
            try await openSocket()
        } catch {
            configuration.logger.debug("reconnection attempt \(attempt) failed: \(error)")
            return .tryAgain
        }
        guard await resumeSession() else { return .tryAgain }
        reconnection = nil
        return .done
    }

    /// On a new connection: `ping`, then `connect {sessionId}` (what the JavaScript client sends). True when
    /// the client is ready again, false when this connection failed too.
    private func resumeSession() async -> Bool {
        post("ping", nil, control: true)
        guard let session = sessionID else {
            becomeReady()
            return true
        }
        do {
            _ = try await call("connect", ["sessionId": .string(session)], control: true)
            becomeReady()
            notify(.reconnected(sessionID: sessionID ?? session))
            return true
        } catch let error as KurentoError where error.code == KurentoError.invalidSession("").code {
            loseSession(error)
            becomeReady()
            return true
        } catch is KurentoError {
            // Another answer than INVALID_SESSION: the server is there; go on (the JavaScript client does too).
            becomeReady()
            notify(.reconnected(sessionID: session))
            return true
        } catch {
            // No answer: drop this connection and try another.
            if socket != nil, phase == .reconnecting {
                socket?.close()
                socket = nil
            }
            return false
        }
    }

    /// The server forgot the session: everything tied to it fails with `sessionLost`.
    private func loseSession(_ error: KurentoError) {
        configuration.logger.warning("session \(sessionID ?? "?") is no longer known to the server: \(error.message)")
        let lost = KurentoClientError(.sessionLost, "the server no longer knows session \(sessionID ?? "?"); its objects and subscriptions are gone",
                                      serverError: error)
        sessionID = nil
        knownTypes = [:]
        for id in pending.keys.sorted() where !(pending[id]?.isControl ?? true) { finish(id, .failure(lost)) }
        for entry in subscriptions.removeAll() { entry.continuation.finish(throwing: lost) }
        notify(.sessionLost(error))
    }

    // MARK: Keep-alive

    func startHeartbeat() {
        guard let interval = configuration.heartbeatInterval else { return }
        heartbeat = Task { [weak self] in
            while !Task.isCancelled {
                guard (try? await Task.sleep(for: interval)) != nil else { return }
                guard let self else { return }
                await self.beat()
            }
        }
    }

    /// One `ping`. No answer in time means the connection is dead: drop it, so that the client reconnects.
    private func beat() async {
        guard phase == .ready else { return }
        let current = generation
        do {
            _ = try await call("ping", nil, control: true)
        } catch let error as KurentoClientError where error.kind == .requestTimeout {
            if current == generation, phase == .ready { dropConnection() }
        } catch {}
    }

    // MARK: Testing

    /// Closes the connection as a network failure would: the client reconnects and resumes its session.
    /// For tests of an app's behaviour across reconnections.
    public func simulateConnectionLoss() {
        dropConnection()
    }

    func dropConnection() {
        socket?.close()
    }
}
