import KurentoRuntime

/// What one load client does in one round: a session with a pipeline and a random mix of element creation,
/// connections, invocations, subscriptions, transactions and releases; then either releases the pipeline and
/// closes the connection, or vanishes with everything still held.
struct LoadWorkload: Sendable {
    var url: String
    var operations: Int
    var vanishFraction: Double
    var statistics: LoadStatistics

    /// A small deterministic generator (SplitMix64), one per client, so that a run can be repeated.
    struct Random: Sendable {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
        mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) < p * 1_000_000 }
    }

    enum Ending { case released, vanished }

    /// One round; returns how it ended.
    func round(_ random: inout Random, until deadline: ContinuousClock.Instant) async throws -> Ending {
        let connection = try await LoadConnection.open(url: url)
        do {
            let pipeline = try await call(connection, "create", ["type": "MediaPipeline"])["value"]?.stringValue ?? ""
            try await mix(connection, pipeline: pipeline, &random, until: deadline)
            if random.chance(vanishFraction) {
                await connection.vanish()
                return .vanished
            }
            _ = try await call(connection, "release", ["object": .string(pipeline)])
            await connection.close()
            return .released
        } catch {
            // Whatever the round left behind goes with the session, after the session timeout.
            await connection.vanish()
            throw error
        }
    }

    private func mix(_ connection: LoadConnection, pipeline: String, _ random: inout Random,
                     until deadline: ContinuousClock.Instant) async throws {
        var elements: [String] = []
        var subscriptions: [String] = []
        for _ in 0..<operations where ContinuousClock.now < deadline {
            let element = elements.isEmpty ? nil : elements[random.below(elements.count)]
            switch (random.below(10), element) {
            case (0, _), (_, nil):
                if elements.count < 8, let id = try await call(connection, "create", [
                    "type": "PassThrough", "constructorParams": ["mediaPipeline": .string(pipeline)],
                ])["value"]?.stringValue { elements.append(id) }
            case (1, let source?):
                let sink = elements[random.below(elements.count)]
                _ = try await invoke(connection, source, "connect", ["sink": .string(sink)])
            case (2, let e?):
                _ = try await invoke(connection, e, "setName", ["name": .string("e\(random.below(100))")])
            case (3, let e?):
                _ = try await invoke(connection, e, random.below(2) == 0 ? "getName" : "getSourceConnections")
            case (4, let e?):
                _ = try await invoke(connection, e, "addTag", ["key": "k", "value": .string("\(random.below(1000))")])
            case (5, let e?):
                if let s = try await call(connection, "subscribe", ["object": .string(e), "type": "ElementConnected"])["value"]?.stringValue {
                    subscriptions.append(s)
                }
            case (6, let e?):
                _ = try await call(connection, "describe", ["object": .string(e)])
            case (7, let e?):
                _ = try await call(connection, "release", ["object": .string(e)])
                elements.removeAll { $0 == e }
            case (8, _):
                // A transaction: a new element connected to itself, through newref.
                let operations: JSON = [
                    ["jsonrpc": "2.0", "id": 0, "method": "create",
                     "params": ["type": "PassThrough", "constructorParams": ["mediaPipeline": .string(pipeline)]]],
                    ["jsonrpc": "2.0", "id": 1, "method": "invoke",
                     "params": ["object": "newref:0", "operation": "connect", "operationParams": ["sink": "newref:0"]]],
                ]
                let value = try await call(connection, "transaction", ["operations": operations])["value"]
                if let id = value?.arrayValue?.first?["result"]?["value"]?.stringValue { elements.append(id) }
            default:
                if let s = subscriptions.popLast(), let session = connection.session.withLock({ $0 }) {
                    _ = try await call(connection, "unsubscribe", ["subscription": .string(s), "sessionId": .string(session)])
                } else {
                    _ = try await call(connection, "ping")
                }
            }
        }
    }

    private func invoke(_ connection: LoadConnection, _ object: String, _ operation: String,
                        _ params: [String: JSON] = [:]) async throws -> JSON {
        try await call(connection, "invoke", ["object": .string(object), "operation": .string(operation),
                                              "operationParams": .object(params)])
    }

    /// A timed request; errors are counted by their message and rethrown.
    func call(_ connection: LoadConnection, _ method: String, _ params: [String: JSON] = [:]) async throws -> JSON {
        let start = ContinuousClock.now
        do {
            let result = try await connection.call(method, params)
            statistics.record(ContinuousClock.now - start)
            return result
        } catch {
            statistics.fail("\(method): \(error)")
            throw error
        }
    }
}
