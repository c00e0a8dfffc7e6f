import CKidlBridge
import KurentoRuntime
import Synchronization

/// One class of a C module, from its `kidl_c_class` entry: names, events, and the ancestry worked out once
/// the modules it extends are registered.
public final class CClass: @unchecked Sendable {
    /// The module's class entry (static data of the loaded library, never unloaded).
    let entry: UnsafePointer<kidl_c_class>
    unowned let module: CModule
    public let name: String
    public let qualifiedType: String
    /// The wire name of the parent class.
    public let extends: String?
    /// The events the class declares itself.
    public let declaredEvents: [String]
    public let parentParameter: String?
    public let isAbstract: Bool

    private struct Ancestry {
        var hierarchy: [String]
        var eventTypes: Set<String>
        var hostParentGlue: (any RemoteClassGlue.Type)?
    }

    private let ancestry = Mutex<Ancestry?>(nil)

    init(entry: UnsafePointer<kidl_c_class>, module: CModule) {
        self.entry = entry
        self.module = module
        let e = entry.pointee
        name = String(cString: e.name)
        qualifiedType = "\(Self.wirePrefix(module.name)).\(name)"
        extends = e.extends.map { String(cString: $0) }
        var events: [String] = []
        if var p = e.events {
            while let event = p.pointee {
                events.append(String(cString: event))
                p += 1
            }
        }
        declaredEvents = events
        parentParameter = e.parent_param.map { String(cString: $0) }
        isAbstract = e.is_abstract != 0
    }

    /// `kurento` for core, elements and filters, the module's name otherwise.
    static func wirePrefix(_ module: String) -> String {
        ["core", "elements", "filters"].contains(module) ? "kurento" : module
    }

    /// Ancestors' wire names, nearest first (what `describe` returns).
    public var hierarchy: [String] { resolvedAncestry().hierarchy }
    /// Every event objects of the class can emit, its ancestors' included.
    public var eventTypes: Set<String> { resolvedAncestry().eventTypes }
    /// The glue of the nearest ancestor not implemented by this module, which serves inherited operations.
    var hostParentGlue: (any RemoteClassGlue.Type)? { resolvedAncestry().hostParentGlue }

    /// Worked out on first use: ancestors of this module from its class table, the others from the glue of
    /// the modules registered with the manager.
    private func resolvedAncestry() -> Ancestry {
        if let known = ancestry.withLock({ $0 }) { return known }
        var result = Ancestry(hierarchy: [], eventTypes: Set(declaredEvents), hostParentGlue: nil)
        if let extends {
            if let parent = module.cClass(qualifiedType: extends) {
                result.hierarchy = [extends] + parent.hierarchy
                result.eventTypes.formUnion(parent.eventTypes)
                result.hostParentGlue = parent.hostParentGlue
            } else if let glue = module.hostGlue(qualifiedType: extends) {
                result.hierarchy = [extends] + glue.hierarchy
                result.eventTypes.formUnion(glue.eventTypes)
                result.hostParentGlue = glue
            } else {
                // The parent's module is not loaded (yet): do not remember this answer.
                return Ancestry(hierarchy: [extends], eventTypes: result.eventTypes, hostParentGlue: nil)
            }
        }
        ancestry.withLock { $0 = result }
        return result
    }

    /// Whether objects of this class are of the class with that wire name (itself or an ancestor).
    public func isKind(of qualifiedType: String) -> Bool {
        qualifiedType == self.qualifiedType || hierarchy.contains(qualifiedType)
    }
}
