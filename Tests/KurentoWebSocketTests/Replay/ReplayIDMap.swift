import Foundation
import KurentoRuntime

/// Maps the ids of the original run (sessions, objects, subscriptions) to those our server gave.
///
/// The log holds only requests, so the id each original `create` returned is not in it. An original object id
/// is mapped when first seen: to an object our server created for the same original type under the same
/// (mapped) parent and not mapped yet — one created in the same step of the run if any (the latest), else the
/// earliest. That is exact for this log except between its two HubPorts of one hub, which nothing tells apart
/// (both are created alike and used alike). Subscriptions map the same way per object. Ids with an all-zero
/// UUID are unknown on purpose and never mapped.
struct ReplayIDMap {
    struct Created {
        var ours: String
        /// The type of the original `create` (before substitution).
        var originalType: String
        var parent: String?
        var step: String
        var claimed = false
    }

    struct Subscribed {
        var ours: String
        var object: String
        var claimed = false
    }

    private(set) var objects: [String: String] = [:]
    private(set) var sessions: [String: String] = [:]
    private var subscriptionIDs: [String: String] = [:]
    private(set) var created: [Created] = []
    private var subscribed: [Subscribed] = []

    /// Records an object our server created for a `create` of `originalType` during `step`.
    mutating func recordCreate(ours: String, originalType: String, step: String) {
        let parent = ours.range(of: "/", options: .backwards).map { String(ours[..<$0.lowerBound]) }
        created.append(Created(ours: ours, originalType: originalType, parent: parent, step: step))
    }

    mutating func recordSubscription(ours: String, object: String) {
        subscribed.append(Subscribed(ours: ours, object: object))
    }

    mutating func recordSession(original: String, ours: String) {
        if sessions[original] == nil { sessions[original] = ours }
    }

    /// Our id for an original object id (mapping it now if needed); nil when it cannot be mapped.
    mutating func object(_ original: String, step: String) -> String? {
        if let ours = objects[original] { return ours }
        guard let last = Self.objectIDComponents(original)?.last, !last.uuid.allSatisfy({ $0 == "0" || $0 == "-" }) else { return nil }
        var parent: String?
        if let slash = original.range(of: "/", options: .backwards) {
            guard let p = object(String(original[..<slash.lowerBound]), step: step) else { return nil }
            parent = p
        }
        let candidates = created.indices.filter {
            !created[$0].claimed && created[$0].originalType == last.type && created[$0].parent == parent
        }
        guard let chosen = candidates.last(where: { created[$0].step == step }) ?? candidates.first else { return nil }
        created[chosen].claimed = true
        objects[original] = created[chosen].ours
        return created[chosen].ours
    }

    /// Our subscription id for an original one on `object` (ours).
    mutating func subscription(_ original: String, object: String) -> String? {
        if let ours = subscriptionIDs[original] { return ours }
        guard let chosen = subscribed.indices.first(where: { !subscribed[$0].claimed && subscribed[$0].object == object }) else { return nil }
        subscribed[chosen].claimed = true
        subscriptionIDs[original] = subscribed[chosen].ours
        return subscribed[chosen].ours
    }

    /// The uuid and type of each `/`-separated part of an id `<uuid>_<module>.<Type>[/…]`; nil for other strings.
    static func objectIDComponents(_ id: String) -> [(uuid: String, type: String)]? {
        var parts: [(String, String)] = []
        for component in id.split(separator: "/", omittingEmptySubsequences: false) {
            let pieces = component.split(separator: "_", maxSplits: 1)
            guard pieces.count == 2, UUID(uuidString: String(pieces[0])) != nil,
                  let dot = pieces[1].firstIndex(of: ".") else { return nil }
            parts.append((String(pieces[0]), String(pieces[1][pieces[1].index(after: dot)...])))
        }
        return parts.isEmpty ? nil : parts
    }

    /// The frame with original ids replaced by ours: `sessionId` values through the session map, `subscription`
    /// through the subscription map (of the request's `object`), object-id strings through the object map.
    mutating func rewrite(_ json: JSON, key: String? = nil, step: String, object: String? = nil) -> JSON {
        switch json {
        case .string(let s):
            switch key {
            case "sessionId": return .string(sessions[s] ?? s)
            case "subscription": return .string(object.flatMap { subscription(s, object: $0) } ?? s)
            default: return .string(Self.objectIDComponents(s) != nil ? (self.object(s, step: step) ?? s) : s)
            }
        case .array(let items):
            return .array(items.map { rewrite($0, step: step) })
        case .object(let members):
            // The object a subscription belongs to is rewritten first.
            let owner = members["object"].flatMap { rewrite($0, key: "object", step: step).stringValue }
            var result: [String: JSON] = [:]
            for (k, v) in members.sorted(by: { $0.key < $1.key }) { result[k] = rewrite(v, key: k, step: step, object: owner) }
            return .object(result)
        default:
            return json
        }
    }
}
