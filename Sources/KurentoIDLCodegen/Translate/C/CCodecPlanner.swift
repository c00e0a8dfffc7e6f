import KurentoIDL

/// Collects the codecs a module's .c uses — starting from its params (decoded), results and events
/// (encoded), and following record fields and list and map elements — and builds their views. Only used
/// codecs are written: an unused static function is a warning, and the .c must compile with -Werror.
struct CCodecPlanner {
    let schema: Schema
    let types: CTypeMapper
    let closure: CTypeClosure

    private var decoded: Set<String> = []
    private var encoded: Set<String> = []
    private(set) var set = CCodecSetView()

    init(schema: Schema, types: CTypeMapper, closure: CTypeClosure) {
        self.schema = schema
        self.types = types
        self.closure = closure
    }

    /// The members of a record or event, with boxed fields where the type would contain itself.
    func recordSlots(_ q: QualifiedName, isEvent: Bool) -> [CSlot] {
        let properties = isEvent ? schema.allProperties(ofEvent: q) : schema.allProperties(ofComplexType: q)
        return CSlot.slots(properties, types: types, api: false, boxed: { p in
            guard p.type.container == .none, closure.isBoxed(q, p.name) else { return nil }
            return p.type.declaration
        })
    }

    mutating func needDecode(_ slot: CSlot) {
        if slot.type.codec.hasPrefix("boxed_"), let q = slot.property.type.declaration {
            needDecode(codec: slot.type.codec, TypeRef(.record(q)), boxed: true)
        } else {
            needDecode(codec: slot.type.codec, slot.type.checkedClass.map { _ in slot.property.type } ?? slot.property.type,
                       checked: slot.type.checkedClass != nil)
        }
    }

    mutating func needDecode(codec: String, _ t: TypeRef, checked: Bool = false, boxed: Bool = false) {
        guard decoded.insert(codec).inserted else { return }
        if boxed, let q = t.declaration {
            set.boxedDecoders.append(CNamedCodecView(name: types.typeName(q), kmdNameLiteral: CNaming.stringLiteral(q.name)))
            needDecode(codec: types.typeName(q), TypeRef(.record(q)))
            return
        }
        if checked, case .remoteClass(let q) = t.base {
            set.decodeObject = true
            let view = CObjectCodecView(codec: codec, qualifiedTypeLiteral: CNaming.stringLiteral(q.wireName),
                                        classNameLiteral: CNaming.stringLiteral(q.name))
            if t.container == .list { set.objectListDecoders.append(view) } else { set.objectDecoders.append(view) }
            return
        }
        switch t.container {
        case .list, .map:
            let type = types.valueType(t)
            let element = types.valueType(TypeRef(t.base))
            let view = CContainerCodecView(type: type.storage, codec: codec, elementCodec: element.codec)
            if t.container == .list { set.listDecoders.append(view) } else { set.mapDecoders.append(view) }
            needDecode(codec: element.codec, TypeRef(t.base))
        case .none:
            switch t.base {
            case .primitive(let p): flagPrimitive(p, decode: true)
            case .remoteClass: set.decodeString = true
            case .enumeration(let q):
                set.enumDecoders.append(CNamedCodecView(name: types.typeName(q), kmdNameLiteral: CNaming.stringLiteral(q.name)))
            case .record(let q), .event(let q):
                let isEvent = if case .event = t.base { true } else { false }
                let slots = recordSlots(q, isEvent: isEvent)
                set.recordDecoders.append(CRecordCodecView(
                    name: types.typeName(of: t.base), typeLiteral: CNaming.stringLiteral(q.name),
                    moduleLiteral: CNaming.stringLiteral(KurentoModules.wirePrefix(of: q.module)), isEvent: isEvent,
                    statements: slots.map { $0.decodeStatement(kind: "KIDL_C_PROPERTY") }))
                for slot in slots { needDecode(slot) }
            case .unresolved: break
            }
        }
    }

    /// The codec that encodes a slot (a boxed record is encoded by its record's codec).
    func encodeCodec(_ slot: CSlot) -> String {
        slot.type.codec.hasPrefix("boxed_") ? String(slot.type.codec.dropFirst("boxed_".count)) : slot.type.codec
    }

    mutating func needEncode(_ slot: CSlot) {
        if slot.type.codec.hasPrefix("boxed_"), let q = slot.property.type.declaration {
            needEncode(codec: encodeCodec(slot), TypeRef(.record(q)))
        } else {
            needEncode(codec: slot.type.codec, slot.property.type)
        }
    }

    mutating func needEncode(codec: String, _ t: TypeRef) {
        guard encoded.insert(codec).inserted else { return }
        switch t.container {
        case .list, .map:
            let type = types.valueType(t)
            let element = types.valueType(TypeRef(t.base))
            let view = CContainerCodecView(type: type.storage, codec: codec, elementCodec: element.codec)
            if t.container == .list { set.listEncoders.append(view) } else { set.mapEncoders.append(view) }
            needEncode(codec: element.codec, TypeRef(t.base))
        case .none:
            switch t.base {
            case .primitive(let p): flagPrimitive(p, decode: false)
            case .remoteClass: set.encodeString = true
            case .enumeration(let q):
                set.enumEncoders.append(CNamedCodecView(name: types.typeName(q), kmdNameLiteral: CNaming.stringLiteral(q.name)))
            case .record(let q), .event(let q):
                let isEvent = if case .event = t.base { true } else { false }
                let slots = recordSlots(q, isEvent: isEvent)
                set.recordEncoders.append(CRecordCodecView(
                    name: types.typeName(of: t.base), typeLiteral: CNaming.stringLiteral(q.name),
                    moduleLiteral: CNaming.stringLiteral(KurentoModules.wirePrefix(of: q.module)), isEvent: isEvent,
                    statements: slots.map { $0.encodeStatement(codec: encodeCodec($0)) }))
                for slot in slots { needEncode(slot) }
            case .unresolved: break
            }
        }
    }

    private mutating func flagPrimitive(_ p: Primitive, decode: Bool) {
        switch (p, decode) {
        case (.boolean, true): set.decodeBool = true
        case (.int, true): set.decodeInt = true
        case (.int64, true): set.decodeInt64 = true
        case (.float, true): set.decodeFloat = true
        case (.double, true): set.decodeDouble = true
        case (.string, true): set.decodeString = true
        case (.boolean, false): set.encodeBool = true
        case (.int, false): set.encodeInt = true
        case (.int64, false): set.encodeInt64 = true
        case (.float, false): set.encodeFloat = true
        case (.double, false): set.encodeDouble = true
        case (.string, false): set.encodeString = true
        }
    }

    /// Whether any value is decoded (the shared decoding helpers are then needed).
    var decodes: Bool { !decoded.isEmpty }
    var encodes: Bool { !encoded.isEmpty }
}
