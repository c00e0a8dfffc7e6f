import KurentoRuntime
import Testing

/// What each replayed frame of requests.jsonl must get: every response the envelope of §6.2 with the request's
/// id and a `result` object carrying the connection's session; per frame, the value or error of the original run
/// (the error.* steps), the events it causes, and the value types the client relies on.
enum ReplayExpectations {
    /// Errors the run provoked on purpose, by `seq`: code, `data.type`, message (when checked).
    static let errors: [Int: (code: Int, type: String, message: String?)] = [
        176: (40101, "MEDIA_OBJECT_NOT_FOUND", "Object '00000000-0000-0000-0000-000000000000_kurento.MediaPipeline' not found"),
        // Kurento's message is "'value' parameter should be a string"; no client reads messages (behaviour §4.4).
        180: (40001, "MARSHALL_ERROR", "'value' parameter is required"),
        182: (40110, "MEDIA_OBJECT_TAG_KEY_NOT_FOUND", nil),
        188: (40101, "MEDIA_OBJECT_NOT_FOUND", nil),
        190: (40108, "MEDIA_OBJECT_NOT_AVAILABLE", "Factory 'NoSuchElement' not found"),
        248: (40101, "MEDIA_OBJECT_NOT_FOUND", nil),
        254: (40101, "MEDIA_OBJECT_NOT_FOUND", nil),
    ]

    static func check(_ o: ReplayRunner.Outcome, _ map: inout ReplayIDMap) {
        let frame = o.frame
        let location = SourceLocation(fileID: "KurentoWebSocketTests/\(frame.label)", filePath: #filePath, line: frame.seq, column: 1)
        let id = frame.id ?? .null
        if let error = errors[frame.seq] {
            expectError(o.response, id: id, code: error.code, data: .type(error.type), message: error.message, sourceLocation: location)
            return
        }
        let session: SessionCheck
        if frame.method == "ping" {
            session = o.sessionBefore.map(SessionCheck.equal) ?? .absent
        } else if frame.method == "connect" || o.sessionBefore == nil {
            session = .present
        } else {
            session = .equal(o.sessionBefore!)
        }
        let result = expectResult(o.response, id: id, session: session, sourceLocation: location)
        guard o.response["error"] == nil else { return }
        if frame.method == "connect", let original = frame.params["sessionId"]?.stringValue {
            #expect(result["sessionId"].flatMap(\.stringValue) == map.sessions[original], "connect keeps the session", sourceLocation: location)
        }
        let value = result["value"]
        switch frame.method {
        case "ping": #expect(value == "pong", sourceLocation: location)
        case "create":
            let type = ReplayPlan.servedType(frame.params["type"]?.stringValue ?? "")
            let parent = o.sent["params"]?["constructorParams"]?.objectValue.flatMap { $0["mediaPipeline"] ?? $0["hub"] }?.stringValue
            expectObjectID(value ?? .null, type: type, parent: parent, sourceLocation: location)
        case "invoke": #expect(value != nil, "invoke results carry value (null for void)", sourceLocation: location)
        case "subscribe": #expect(value?.stringValue?.isEmpty == false, "a subscription id string", sourceLocation: location)
        case "unsubscribe", "release": #expect(result.keys.sorted() == ["sessionId"], sourceLocation: location)
        case "describe":
            #expect(result["type"]?.stringValue != nil && result["qualifiedType"]?.stringValue != nil, sourceLocation: location)
            #expect(result["hierarchy"]?.strings != nil, sourceLocation: location)
        case "transaction":
            let operations = frame.params["operations"]?.arrayValue ?? []
            let responses = value?.arrayValue ?? []
            #expect(responses.count == (frame.seq == 200 ? 2 : operations.count), sourceLocation: location)
            for (i, r) in responses.enumerated() { expectEnvelope(r, id: .int(Int64(i)), sourceLocation: location) }
        default: break
        }
        checkValue(o, value ?? .null, result, &map, location)
    }

    /// Our id for the original object whose uuid starts with `prefix`.
    private static func ours(_ prefix: String, _ map: ReplayIDMap) -> JSON {
        let match = map.objects.first { original, _ in ReplayIDMap.objectIDComponents(original)?.last?.uuid.hasPrefix(prefix) == true }
        return match.map { .string($0.value) } ?? .string("<\(prefix) not mapped>")
    }

    /// `(type, object, data.mediaType, data.sink)` of each event.
    private static func events(_ notifications: [JSON]) -> [[JSON?]] {
        notifications.map { n in
            let v = n["params"]?["value"]
            return [v?["type"], v?["object"], v?["data"]?["mediaType"], v?["data"]?["sink"]]
        }
    }

    private static func connected(_ type: String, _ source: JSON, _ sink: JSON, _ mediaTypes: [JSON]) -> [[JSON?]] {
        mediaTypes.map { [.string(type), source, $0, sink] }
    }

    private static func connection(_ source: JSON, _ sink: JSON, _ type: JSON) -> JSON {
        ["__module__": "kurento", "__type__": "ElementConnectionData", "source": source, "sink": sink, "type": type,
         "sourceDescription": "default", "sinkDescription": "default"]
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private static func checkValue(_ o: ReplayRunner.Outcome, _ value: JSON, _ result: [String: JSON], _ map: inout ReplayIDMap,
                                   _ location: SourceLocation) {
        let all: [JSON] = ["AUDIO", "VIDEO", "DATA"]
        let pipeline = ours("1f75e262", map), player = ours("0fa155a0", map), recorder = ours("09b7af74", map)
        let standIn = ours("a2ed6d45", map), passThrough = ours("1bcf28b9", map), composite = ours("a27fe2b6", map)
        switch o.frame.seq {
        case 3: #expect(result["type"] == "ServerManager" && result["qualifiedType"] == "kurento.ServerManager", sourceLocation: location)
        case 6, 8:
            let names = (value["modules"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
            #expect(Set(["core", "elements", "filters"]).isSubset(of: names), "modules: \(names)", sourceLocation: location)
        case 10: #expect(value.strings?.contains(o.sessionBefore ?? "") == true, "\(value.text)", sourceLocation: location)
        case 12, 14:
            guard case .int = value else { Issue.record("an integer expected: \(value.text)", sourceLocation: location); return }
        case 16: #expect(value.stringValue != nil, sourceLocation: location)
        case 42: #expect(value == player, "the name defaults to the id", sourceLocation: location)
        case 44, 50, 54, 60, 72, 74, 80, 110, 121, 124, 126, 142, 146, 155, 196, 202, 221:
            #expect(value == .null, "void", sourceLocation: location)
        case 46, 174, 219: #expect(value == "interop-webrtc", sourceLocation: location)
        case 48: #expect(value == false, sourceLocation: location)
        case 52, 62: #expect(value == true, sourceLocation: location)
        case 56: #expect(value == "file:///media/player-input.webm", sourceLocation: location)
        case 58: #expect(value == "file:///media/recorder-output.webm", sourceLocation: location)
        case 64:
            guard case .int = value else { Issue.record("an integer expected: \(value.text)", sourceLocation: location); return }
        case 76: #expect(value == "interop", sourceLocation: location)
        case 78:
            #expect(value == [["__module__": "kurento", "__type__": "Tag", "key": "app", "value": "interop"],
                              ["__module__": "kurento", "__type__": "Tag", "key": "k2", "value": "v2"]], "\(value.text)", sourceLocation: location)
        case 82: #expect(value == [["__module__": "kurento", "__type__": "Tag", "key": "app", "value": "interop"]], sourceLocation: location)
        case 86: #expect(value.stringValue != nil, sourceLocation: location)
        case 90, 92, 98: #expect(value == pipeline, sourceLocation: location)
        case 94: #expect(value == composite, sourceLocation: location)
        case 96:
            let children = map.created.filter { .string($0.parent ?? "") == pipeline }.map { JSON.string($0.ours) }
            #expect(value == .array(children), "the pipeline's children, in creation order", sourceLocation: location)
        case 134: #expect(value == .array(all.map { connection(player, standIn, $0) }), "\(value.text)", sourceLocation: location)
        case 136:
            let sinks = Set(value.arrayValue ?? [])
            let hubPort = ours("7fb63e94", map)
            #expect(sinks == Set(all.map { connection(player, standIn, $0) } + all.map { connection(player, hubPort, $0) }),
                    "\(value.text)", sourceLocation: location)
        case 138, 144: #expect(value == (o.frame.seq == 138 ? [connection(passThrough, recorder, "VIDEO")] : []), sourceLocation: location)
        case 140: #expect(value == [connection(ours("7e2e46e1", map), recorder, "AUDIO")], "\(value.text)", sourceLocation: location)
        case 151: #expect(value == [], sourceLocation: location)
        case 164, 166, 167, 168, 169:
            let types = [164: "PassThrough", 166: "MediaPipeline", 167: "PlayerEndpoint", 168: "Composite", 169: "HubPort"]
            #expect(result["type"] == .string(types[o.frame.seq]!), sourceLocation: location)
        case 194: #expect(value == "tx-webrtc", sourceLocation: location)
        case 198, 211:
            let source = o.frame.seq == 198 ? ours("7221ae5c", map) : player
            let sink = o.frame.seq == 198 ? ours("cc46f3b1", map) : ours("952a13e4", map)
            #expect(value == .array(all.map { connection(source, sink, $0) }), "\(value.text)", sourceLocation: location)
        case 200:
            let responses = value.arrayValue ?? []
            if responses.count == 2 { expectError(responses[1], id: 1, code: 40101, data: .type("MEDIA_OBJECT_NOT_FOUND"), sourceLocation: location) }
        case 206: #expect(value == "auto-tx", sourceLocation: location)
        case 224: #expect(Set(value.strings ?? []) == Set([pipeline, ours("8afc69bf", map)].compactMap(\.stringValue)), sourceLocation: location)
        case 256: #expect(value == [], "every pipeline released", sourceLocation: location)
        default: break
        }
        // Events caused by the frame, on its own connection (the reconnected one for seq 221).
        switch o.frame.seq {
        case 110: #expect(events(o.notifications) == connected("ElementConnected", player, standIn, all), sourceLocation: location)
        case 121: #expect(events(o.notifications) == connected("ElementConnected", passThrough, recorder, ["VIDEO"]), sourceLocation: location)
        case 124: #expect(events(o.notifications) == connected("ElementConnected", player, ours("7fb63e94", map), all), sourceLocation: location)
        case 146: #expect(events(o.notifications) == connected("ElementDisconnected", player, standIn, all), sourceLocation: location)
        case 221: #expect(events(o.notifications) == connected("ElementConnected", passThrough, recorder, ["AUDIO"]), sourceLocation: location)
        default: break
        }
    }
}
