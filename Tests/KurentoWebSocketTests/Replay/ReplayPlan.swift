import KurentoRuntime

/// What of requests.jsonl is replayed against the compact platform modules (idl/README.md), and what not.
///
/// The interop run used Kurento's full modules. Ours leave out WebRTC (no `WebRtcEndpoint`, no `BaseRtpEndpoint`
/// members), stats and the audio/video format setters. Everything else in the log concerns classes and
/// operations we serve, and is replayed frame by frame.
enum ReplayPlan {
    /// Classes created in the log that our modules do not have, replayed as a class that has every member the
    /// log then uses on the object.
    static let substitutions: [String: (type: String, reason: String)] = [
        "WebRtcEndpoint": ("PassThrough", """
            no WebRtcEndpoint in the compact modules; the log uses the endpoint only as a MediaElement afterwards \
            (name, tags, creation time, connect/disconnect, connections, MediaFlowInStateChanged subscription, \
            describe from a second client), all of which PassThrough has. Its WebRTC-only operations are skipped below.
            """),
    ]

    /// Frames not sent, with the reason. Keyed by `seq`.
    static let skipped: [Int: String] = [
        36: "getMaxVideoSendBandwidth: a BaseRtpEndpoint property; the compact modules have no RTP/WebRTC classes",
        38: "setMaxVideoSendBandwidth: a BaseRtpEndpoint property; the compact modules have no RTP/WebRTC classes",
        40: "getMaxVideoSendBandwidth: a BaseRtpEndpoint property; the compact modules have no RTP/WebRTC classes",
        66: "setStunServerAddress: a WebRtcEndpoint property; not in the compact modules",
        68: "getStunServerAddress: a WebRtcEndpoint property; not in the compact modules",
        70: "getMediaState: a BaseRtpEndpoint method; not in the compact modules",
        84: "setAudioFormat with an AudioCaps record: format setters and caps types are left out of the compact core",
        88: "getStats: stats types are left out of the compact core",
        178: """
            error.missingParam.setter uses setMaxVideoSendBandwidth (BaseRtpEndpoint); the same case on a setter \
            we have (setEncoderBitrate with {}) is in InvokeTests.missingAndIllTypedParamsAreMarshallErrors
            """,
    ]

    /// The type to create for a type the log creates.
    static func servedType(_ type: String) -> String {
        substitutions[type]?.type ?? type
    }

    /// A request with the factory name of `create` substituted (also inside a transaction's operations).
    static func substitutingTypes(_ request: JSON) -> JSON {
        guard case .object(var members) = request, case .object(var params)? = members["params"] else { return request }
        switch members["method"] {
        case "create":
            if let type = params["type"]?.stringValue { params["type"] = .string(servedType(type)) }
        case "transaction":
            if case .array(let operations)? = params["operations"] { params["operations"] = .array(operations.map(substitutingTypes)) }
        default:
            return request
        }
        members["params"] = .object(params)
        return .object(members)
    }
}
