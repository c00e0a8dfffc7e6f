/// Decides which files make up which module.
///
/// Files are grouped per folder. A file that declares `name` starts a module; a file without `name` joins the
/// module whose file name is the longest dotted prefix of its own (`elements.Composite.kmd.json` joins
/// `elements.kmd.json`), or the only module of its folder. Two files that both declare the same `name`
/// in one folder form one module (fusion then reports the field set twice).
enum ModuleGrouping {
    static func group(_ files: [KmdFileSyntax], into diags: inout Diagnostics) -> [[KmdFileSyntax]] {
        let byFolder = Dictionary(grouping: files) { folder(of: $0.path) }
        var groups: [[KmdFileSyntax]] = []
        for folder in byFolder.keys.sorted() {
            let folderFiles = byFolder[folder]!.sorted { $0.path < $1.path }
            var heads: [String: [KmdFileSyntax]] = [:]   // module name → files
            var headStems: [(stem: String, module: String)] = []
            for file in folderFiles {
                guard let name = file.name?.value else { continue }
                if heads[name] == nil { heads[name] = [] }
                heads[name]!.append(file)
                headStems.append((stem(of: file.path), name))
            }
            for file in folderFiles where file.name == nil {
                let fileStem = stem(of: file.path)
                let match = headStems
                    .filter { fileStem.hasPrefix($0.stem + ".") }
                    .max { $0.stem.count < $1.stem.count }
                if let module = match?.module ?? (heads.count == 1 ? heads.keys.first : nil) {
                    heads[module]!.append(file)
                } else if heads.isEmpty {
                    // A folder with no named file: its files form one (nameless) module; fusion reports it.
                    groups.append(folderFiles.filter { $0.name == nil })
                    break
                } else {
                    diags.error(.orphanFile,
                                "this file declares no 'name' and belongs to none of the modules in its folder (\(heads.keys.sorted().joined(separator: ", "))); name it '<module>.<Class>.kmd.json' after its module's file",
                                at: file.location)
                }
            }
            for name in heads.keys.sorted() {
                groups.append(heads[name]!.sorted { $0.path < $1.path })
            }
        }
        return groups
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// The file name without `.kmd.json` (or without its last extension for other names).
    static func stem(of path: String) -> String {
        var name = Substring(path)
        if let slash = path.lastIndex(of: "/") { name = path[path.index(after: slash)...] }
        if name.hasSuffix(".kmd.json") { return String(name.dropLast(9)) }
        if let dot = name.lastIndex(of: ".") { return String(name[..<dot]) }
        return String(name)
    }
}
