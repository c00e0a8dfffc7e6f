import Foundation

/// The Kurento object model in process: create, invoke, describe, subscribe, unsubscribe, release, ref,
/// unref, sessions and events (reference §6.3–6.8), with Kurento's errors. Usable without any network (the
/// WebSocket transport sits on top) and safe under concurrent callers.
public final class KurentoDispatcher: ObjectResolver {
    public let modules: ModuleManager
    public let registry = ObjectRegistry()
    let subscriptions = Subscriptions()
    let sessions = Sessions()
    /// Told about every object created and destroyed (the server manager's `ObjectCreated`/`ObjectDestroyed`).
    private let lifecycleObserver: Locked<LifecycleObserver>
    private var lifecycle: LifecycleObserver { lifecycleObserver.withLock { $0 } }

    /// Hooks called after an object is added to, or removed from, the registry.
    public struct LifecycleObserver: Sendable {
        public var created: @Sendable (_ id: String) -> Void
        public var destroyed: @Sendable (_ id: String) -> Void
        public init(created: @escaping @Sendable (String) -> Void = { _ in },
                    destroyed: @escaping @Sendable (String) -> Void = { _ in }) {
            self.created = created
            self.destroyed = destroyed
        }
    }

    public init(modules: ModuleManager, lifecycle: LifecycleObserver = .init()) {
        self.modules = modules
        self.lifecycleObserver = Locked(lifecycle)
    }

    /// The objects still there when the server goes away are dropped with it (see `ObjectRegistry.removeAll`).
    deinit { registry.removeAll() }

    /// Replaces the lifecycle hooks (the server manager is created after the dispatcher it reports on).
    public func setLifecycleObserver(_ observer: LifecycleObserver) {
        lifecycleObserver.withLock { $0 = observer }
    }

    // MARK: Sessions

    /// A new session id.
    public func newSession() -> String {
        let id = RandomUUID.make()
        sessions.touch(id)
        return id
    }

    /// Marks a session alive, creating it if it is new ("get or create", as most methods do).
    public func touch(session: String) { sessions.touch(session) }

    public func sessionExists(_ id: String) -> Bool { sessions.exists(id) }

    /// `keepAlive`/`connect {sessionId}`: INVALID_SESSION for a session the server does not know.
    public func keepAlive(session: String) throws(KurentoError) {
        guard sessions.exists(session) else { throw .invalidSession("Invalid session '\(session)'") }
        sessions.touch(session)
    }

    /// Where a session's events go (the newest connection of the session, for the WebSocket transport).
    public func setEventListener(session: String, _ listener: (@Sendable (EventNotification) -> Void)?) {
        sessions.setListener(session, listener)
    }

    public var sessionIDs: [String] { sessions.ids }

    /// Sessions not seen for longer than `age`; the transport closes them.
    public func idleSessions(longerThan age: Duration) -> [String] { sessions.idle(longerThan: age) }

    /// `closeSession`: releases (with `release`) or unrefs every object the session holds, drops its
    /// subscriptions and forgets it.
    public func closeSession(_ session: String, release: Bool) async {
        for id in registry.held(by: session) {
            if release { await self.release(id) } else { await unref(id, session: session) }
        }
        subscriptions.removeAll(session: session)
        sessions.remove(session)
    }

    // MARK: Objects

    public func object(withID id: String) throws(KurentoError) -> any RemoteObject {
        if id.hasPrefix("newref:") {
            throw .notFoundInTransaction("Object '\(id)' not found: 'newref:' ids are only valid inside a transaction")
        }
        guard let object = registry.object(withID: id) else { throw .objectNotFound("Object '\(id)' not found") }
        return object
    }

    /// Registers an object created by the server itself (the server manager, with its fixed id). It is pinned:
    /// `release` and `unref` never destroy it.
    public func adopt(_ object: any RemoteObject, glue: any RemoteClassGlue.Type) {
        _ = registry.insert(object, glue: glue, parentID: nil, session: nil, pinned: true)
    }

    /// A context for an object created outside `create` (by the server itself).
    public func makeContext(id: String, parentID: String? = nil) -> ObjectContext {
        ObjectContext(id: id, parentID: parentID, creationTime: Int64(Date().timeIntervalSince1970),
                      directory: registry, eventSink: { [weak self] type, data in self?.deliver(object: id, type: type, data: data) })
    }

    /// `create`: the new object's id. The object is held by `session` and by every session holding its parent.
    public func create(type: String, constructorParams: JSON?, session: String) async throws -> String {
        sessions.touch(session)
        guard let factory = modules.factory(named: type) else { throw KurentoError.notAvailable("Factory '\(type)' not found") }
        let params = try JSONFields(params: constructorParams, container: "constructorParams", resolver: self)
        var parentID: String?
        if let name = factory.parentParameter {
            guard let value = params.values[name], value != .null else { throw KurentoError.marshall("'\(name)' parameter is required") }
            guard case .string(let id) = value else { throw KurentoError.marshall("'\(name)' parameter should be a string") }
            parentID = try object(withID: id).objectContext.id
        }
        let glue = factory.glue
        let local = "\(RandomUUID.make())_\(ModuleManager.wirePrefix(glue.moduleName)).\(glue.typeName)"
        let id = parentID.map { "\($0)/\(local)" } ?? local
        let object: any RemoteObject
        do {
            object = try await factory.create(makeContext(id: id, parentID: parentID), params)
        } catch let error as KurentoError {
            throw error
        } catch {
            throw KurentoError.unexpected("Constructor of \(type) failed: \(error)")
        }
        guard registry.insert(object, glue: glue, parentID: parentID, session: session) else {
            await (object as? ReleaseAware)?.released()
            throw KurentoError.objectNotFound("Object '\(parentID ?? "")' not found: it was released during the creation of \(type)")
        }
        lifecycle.created(id)
        return id
    }

    /// `invoke`: the operation's result (`null` for void). The session becomes a holder of the object (and so
    /// of its ancestors).
    public func invoke(object id: String, operation: String, params: JSON?, session: String) async throws -> JSON {
        sessions.touch(session)
        let target = try object(withID: id)
        guard let glue = registry.glue(of: id) else { throw KurentoError.objectNotFound("Object '\(id)' not found") }
        registry.ref(id, session: session)
        let fields = try JSONFields(params: params, container: "operationParams", resolver: self)
        do {
            return try await glue.invoke(target, operation: operation, params: fields)
        } catch let error as KurentoError {
            throw error
        } catch {
            throw KurentoError.unexpected("\(glue.typeName).\(operation) failed: \(error)")
        }
    }

    public struct Description: Sendable, Hashable {
        public var type: String
        public var qualifiedType: String
        public var hierarchy: [String]
    }

    /// `describe`: the object's type, qualified type and ancestors. The session becomes a holder of the object,
    /// as for every method naming one (Kurento's `getMediaObject(sessionId, id)`).
    public func describe(object id: String, session: String) throws(KurentoError) -> Description {
        sessions.touch(session)
        let glue = try glue(of: id)
        registry.ref(id, session: session)
        return Description(type: glue.typeName, qualifiedType: glue.qualifiedType, hierarchy: glue.hierarchy)
    }

    /// `subscribe`: a subscription id. The event must be declared by the object's class or an ancestor. The
    /// session becomes a holder of the object.
    public func subscribe(object id: String, type: String, session: String) throws(KurentoError) -> String {
        sessions.touch(session)
        let glue = try glue(of: id)
        guard glue.eventTypes.contains(type) else { throw .eventNotSupported("Event '\(type)' not supported") }
        registry.ref(id, session: session)
        let subscription = RandomUUID.make()
        subscriptions.add(.init(session: session, object: id, type: type), id: subscription)
        // A release racing with this call removes the object before dropping its subscriptions: if the object is
        // still there now, that release will drop this subscription too; if not, drop it here.
        guard registry.glue(of: id) != nil else {
            subscriptions.remove(id: subscription, session: session)
            throw .objectNotFound("Object '\(id)' not found")
        }
        return subscription
    }

    /// The number of live subscriptions, for tests and monitoring.
    public var subscriptionCount: Int { subscriptions.count }

    /// `unsubscribe`: unknown ids and released objects are fine (Kurento ignores them).
    public func unsubscribe(subscription: String, session: String) {
        sessions.touch(session)
        subscriptions.remove(id: subscription, session: session)
    }

    /// `release`: destroys the object and its descendants for every session. Unknown ids are fine; the server
    /// manager is never destroyed.
    public func release(_ id: String) async {
        await finishRemoval(registry.remove(id))
    }

    /// Drops the subscriptions of objects removed from the registry, tells them, and reports them destroyed.
    private func finishRemoval(_ removed: [(id: String, entry: ObjectRegistry.Entry)]) async {
        guard !removed.isEmpty else { return }
        subscriptions.removeAll(objects: removed.map(\.id))
        for (id, entry) in removed {
            await (entry.object as? ReleaseAware)?.released()
            lifecycle.destroyed(id)
        }
    }

    /// `ref`: the session becomes a holder.
    public func ref(_ id: String, session: String) throws(KurentoError) {
        sessions.touch(session)
        _ = try glue(of: id)
        guard registry.ref(id, session: session) else { throw .objectNotFound("Object '\(id)' not found") }
    }

    /// The glue of an object, with the errors of `object(withID:)` (`newref:` ids are 40109, as Kurento's
    /// `getMediaObject` says for every method naming an object).
    private func glue(of id: String) throws(KurentoError) -> any RemoteClassGlue.Type {
        _ = try object(withID: id)
        guard let glue = registry.glue(of: id) else { throw .objectNotFound("Object '\(id)' not found") }
        return glue
    }

    /// `unref`: the session stops holding the object and its descendants, and drops its subscriptions to them;
    /// an object nobody holds any more is released.
    public func unref(_ id: String, session: String) async {
        let result = registry.unref(id, session: session)
        subscriptions.removeAll(session: session, objects: result.unheld)
        await finishRemoval(result.removed)
    }

    // MARK: Events

    /// Sends an event of an object to every session subscribed to it, once per session.
    func deliver(object: String, type: String, data: JSON) {
        var data = data
        if case .object(var fields) = data, let source = registry.object(withID: object) as? EventTagSource,
           source.sendsTagsInEvents {
            fields["tags"] = .array(source.eventTags.map { .object(["key": .string($0.key), "value": .string($0.value),
                                                                    "__type__": "Tag", "__module__": "kurento"]) })
            data = .object(fields)
        }
        let notification = EventNotification(type: type, object: object, data: data)
        for session in subscriptions.sessions(object: object, type: type) {
            sessions.listener(session)?(notification)
        }
    }
}

/// An object that wants to know when it is released (to stop timers, close files …).
public protocol ReleaseAware: Sendable {
    func released() async
}

/// An object whose events carry its tags when it says so (`MediaObject.sendTagsInEvents`).
public protocol EventTagSource: Sendable {
    var sendsTagsInEvents: Bool { get }
    var eventTags: [(key: String, value: String)] { get }
}
