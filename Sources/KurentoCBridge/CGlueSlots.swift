import KurentoRuntime
import Synchronization

/// Glue types for classes known only at run time.
///
/// The runtime names a class's glue by a metatype (`any RemoteClassGlue.Type`, with static members), and a C
/// module's classes are known only once its library is loaded. Each C class therefore gets a type of its
/// own, `CClassGlue<Slot>`, where `Slot` is a distinct type built from the class's number as a chain of
/// generic binary digits (`Bit1<Bit0<Bit1<SlotEnd>>>` …, instantiated at run time); the glue's static members
/// read the class's description from a table keyed by that type.
enum CGlueSlots {
    private static let table = Mutex<(next: Int, classes: [ObjectIdentifier: CClass])>((0, [:]))

    /// A new glue type serving `cClass`.
    static func makeGlue(for cClass: CClass) -> any RemoteClassGlue.Type {
        let glue = table.withLock { state -> any RemoteClassGlue.Type in
            state.next += 1
            let glue = glueType(slot(state.next))
            state.classes[ObjectIdentifier(glue)] = cClass
            return glue
        }
        return glue
    }

    /// The class a glue type serves.
    static func cClass(of glue: any RemoteClassGlue.Type) -> CClass {
        table.withLock { $0.classes[ObjectIdentifier(glue)]! }
    }

    private static func slot(_ number: Int) -> any CGlueSlot.Type {
        var type: any CGlueSlot.Type = SlotEnd.self
        var n = number
        while n > 0 {
            type = n & 1 == 1 ? bit1(type) : bit0(type)
            n >>= 1
        }
        return type
    }

    private static func bit0<S: CGlueSlot>(_: S.Type) -> any CGlueSlot.Type { Bit0<S>.self }
    private static func bit1<S: CGlueSlot>(_: S.Type) -> any CGlueSlot.Type { Bit1<S>.self }
    private static func glueType<S: CGlueSlot>(_: S.Type) -> any RemoteClassGlue.Type { CClassGlue<S>.self }
}

/// A type-level binary digit string; every number gives a distinct type.
protocol CGlueSlot {}
enum SlotEnd: CGlueSlot {}
enum Bit0<Rest: CGlueSlot>: CGlueSlot {}
enum Bit1<Rest: CGlueSlot>: CGlueSlot {}

/// The glue of one C class: names and events from the module's class table, operations sent to the C
/// object's functions and, when C does not handle them, to the glue of the nearest ancestor implemented
/// elsewhere (a C filter's `connect` or `getName` go to the host's `Filter` implementation).
enum CClassGlue<Slot: CGlueSlot>: RemoteClassGlue {
    private static var cClass: CClass { CGlueSlots.cClass(of: Self.self) }

    static var typeName: String { cClass.name }
    static var moduleName: String { cClass.module.name }
    static var qualifiedType: String { cClass.qualifiedType }
    static var hierarchy: [String] { cClass.hierarchy }
    static var eventTypes: Set<String> { cClass.eventTypes }

    static func invoke(_ target: any RemoteObject, operation: String, params: JSONFields) async throws -> JSON {
        guard let object = target as? any CBridgedObject else { throw wrongObject(target) }
        if let result = try object.cObject.invoke(operation, params: params) { return result }
        guard let parent = cClass.hostParentGlue else { throw unknownOperation(operation, params) }
        return try await parent.invoke(target, operation: operation, params: params)
    }
}
