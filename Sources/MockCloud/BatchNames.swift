import FoundationEssentials

/// File names of simulated v2 batches: plain, or localised and hostile (accents, CJK, one terminal escape).
enum BatchNames {
    /// Localised names used by `international` batches.
    static let international = [
        "請求書-2026-Q3", "café-menu", "Zürich-Übersicht", "résumé-josé-garcía", "Отчёт-продажи", "계약서-초안",
        "naïve-bayes-notes", "façade-inspection",
    ]
    /// The one name with a terminal escape sequence (file 3 of `international` batches).
    static let escapeName = "inbox/\u{1B}[31mURGENT\u{1B}[0m-scan-0003.pdf"

    /// The display name of file `index` of `plan`.
    static func name(of index: Int, in plan: BatchPlan) -> String {
        let number = String(index + 1)
        let padded = String(repeating: "0", count: max(0, 4 - number.count)) + number
        let extensions = ["pdf", "docx", "pdf", "png", "xlsx"]
        let ext = extensions[index % extensions.count]
        guard plan.international else { return "\(plan.directoryName)/doc-\(padded).\(ext)" }
        if index == 3 { return escapeName }
        return "\(plan.directoryName)/\(international[index % international.count])-\(padded).\(ext)"
    }
}
