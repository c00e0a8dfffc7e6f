import KurentoServer
import KurentoRuntime
import Testing

/// The frames the real JavaScript client sent (../shared/kurento-wire/requests.jsonl), replayed as raw text over
/// one WebSocket per original connection, in order, with ids mapped to ours (ReplayIDMap) and WebRTC-only frames
/// skipped (ReplayPlan).
@Suite(.enabled(if: RequestLog.url != nil, "requests.jsonl not found: set KIDL_WIRE_LOG or put it at ../shared/kurento-wire/"))
struct RequestLogReplayTests {
    @Test func replayOfTheRequestsLog() async throws {
        let frames = try RequestLog.load()
        try await TestServer.run { server in
            var runner = ReplayRunner(server: server)
            var replayed = 0
            try await runner.run(frames) { outcome, map in
                replayed += 1
                ReplayExpectations.check(outcome, &map)
            }
            #expect(replayed + ReplayPlan.skipped.count == frames.count)
            // Every original object id of the log that exists in our run was mapped (the zero UUID is unknown on purpose).
            var objectIDs = Set<String>()
            for frame in frames where ReplayPlan.skipped[frame.seq] == nil { Self.collectObjectIDs(frame.frame, into: &objectIDs) }
            let unmapped = objectIDs.filter { runner.map.objects[$0] == nil && !$0.contains("00000000-0000-0000-0000-000000000000") }
            #expect(unmapped.isEmpty, "original ids without a counterpart: \(unmapped.sorted())")
            #expect(server.registry.ids == ["manager_ServerManager"], "the run releases everything it created")
        }
    }

    /// The skip list names frames of the log, each with a reason that names its operation.
    @Test func everySkippedFrameIsInTheLogWithItsReason() throws {
        let frames = Dictionary(uniqueKeysWithValues: try RequestLog.load().map { ($0.seq, $0) })
        for (seq, reason) in ReplayPlan.skipped {
            let frame = try #require(frames[seq], "skipped seq \(seq) is not in the log")
            let operation = try #require(frame.operation)
            #expect(reason.contains(operation), "the reason for seq \(seq) names \(operation): \(reason)")
        }
        // No other frame uses a class the server lacks, except through the substitutions.
        let created = Set(frames.values.flatMap(Self.createdTypes))
        let served = Set(TestServerFactories.names)
        for type in created where !served.contains(ReplayPlan.servedType(type)) && type != "NoSuchElement" {
            Issue.record("the log creates \(type), which the compact modules lack and no substitution covers")
        }
    }

    private static func createdTypes(_ frame: LoggedFrame) -> [String] {
        switch frame.method {
        case "create": return [frame.params["type"]?.stringValue].compactMap { $0 }
        case "transaction":
            return (frame.params["operations"]?.arrayValue ?? []).filter { $0["method"] == "create" }.compactMap { $0["params"]?["type"]?.stringValue }
        default: return []
        }
    }

    private static func collectObjectIDs(_ json: JSON, into ids: inout Set<String>) {
        switch json {
        case .string(let s): if ReplayIDMap.objectIDComponents(s) != nil { ids.insert(s) }
        case .array(let items): for item in items { collectObjectIDs(item, into: &ids) }
        case .object(let members): for value in members.values { collectObjectIDs(value, into: &ids) }
        default: break
        }
    }
}

/// The factory names the platform modules serve.
enum TestServerFactories {
    static let names: [String] = KurentoServerCore().modules.factoryNames
}
