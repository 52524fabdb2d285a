"""The words of `tracker check --signatures`: who verified, proved by git's
commit signatures (SSH keys listed in allowed_signers), not by a typed name."""

from __future__ import annotations

PHRASES = {
    # ── the commit a verdict line came in ─────────────────────────────────────
    "sig.commit": ("提交 {short}（{author}，{date}）", "commit {short} ({author}, {date})"),
    "sig.commit_gone": (
        "提交 {short}（{author}，{date}；该行现已不在文件中）",
        "commit {short} ({author}, {date}; the line is no longer in the files)",
    ),
    # ── why a verdict is not proved ──────────────────────────────────────────
    "sig.unsigned": (
        "{commit}写入了{what}，但没有签名",
        "{commit} added {what} unsigned",
    ),
    "sig.unsigned_fix": (
        "尚未推送的提交可用 git commit --amend -S 补签；已共享的，撤销这条记录后由签名人重新核实并签名提交",
        "if the commit is not shared yet, sign it with git commit --amend -S; if it is, "
        "retract the verdict and have a signer verify again in a signed commit",
    ),
    "sig.unknown_key": (
        "{commit}写入了{what}，签名密钥 {key} 不是 allowed_signers 中列出的 SSH 密钥",
        "{commit} added {what} signed by key {key}, not an SSH key allowed_signers lists",
    ),
    "sig.unknown_key_fix": (
        "把签名人的公钥加入 allowed_signers，或撤销这条记录后由已列出的签名人重新核实",
        "add the signer's public key to allowed_signers, or retract the verdict and have a "
        "listed signer verify again",
    ),
    "sig.expired": (
        "{commit}写入了{what}，签名密钥 {key} 已过期或已吊销",
        "{commit} added {what} signed by key {key}, which is expired or revoked",
    ),
    "sig.expired_fix": (
        "撤销这条记录后由现任签名人重新核实",
        "retract the verdict and have a current signer verify again",
    ),
    "sig.bad": (
        "{commit}写入了{what}，但签名与提交内容不符",
        "{commit} added {what} with a bad signature: the commit does not match it",
    ),
    "sig.bad_fix": (
        "提交在签名后被改动过：查明来源，撤销这条记录后重新核实",
        "the commit was changed after it was signed: find out how, retract the verdict and "
        "verify again",
    ),
    "sig.unchecked": (
        "{commit}写入了{what}，但无法检查其签名",
        "{commit} added {what}, but its signature could not be checked",
    ),
    "sig.unchecked_fix": (
        "安装 ssh-keygen（OpenSSH 8.2 或更新版本）后再检查",
        "install ssh-keygen (OpenSSH 8.2 or newer) and check again",
    ),
    "sig.wrong_office": (
        "{commit}写入了{what}，签名人 {signer} 不是{office}的签名人",
        "{commit} added {what} signed by {signer}, who does not sign for {office}",
    ),
    "sig.this_verdict": ("这条核实记录", "this verdict"),
    "sig.this_withdrawal": ("这条撤回核实结论的记录", "this withdrawal of a verdict"),
    "sig.withdrawal_fix": (
        "撤回记录本身不能撤销：由{office}的签名人对这条上报重新核实并签名提交；尚未推送的提交可用 git commit --amend -S 补签",
        "a withdrawal cannot itself be retracted: have a signer of {office} verify the report "
        "again in a signed commit; a commit not shared yet can be signed with git commit --amend -S",
    ),
    "sig.changed_after": (
        "上报“{id}”在{commit}核实之后被改动或替换：现在计入的这一行不是核实时的那一行",
        "report '{id}' was changed or replaced after {commit} verified it: the line that counts now is not the one verified",
    ),
    "sig.changed_after_fix": (
        "查明改动来源并恢复核实时的那一行；如改动属实，由{office}撤回原核实结论（签名提交）后重新核实",
        "find out who changed it and restore the line as verified; if the change is right, "
        "have {office} withdraw the verdict (in a signed commit) and verify again",
    ),
    "sig.signers_not_committed": (
        "有尚未提交的改动：谁可以签名，只以已提交（并经审阅）的名单为准",
        "changes not committed: who may sign is taken only from what is committed (and reviewed)",
    ),
    "sig.signers_not_committed_fix": (
        "提交这一改动（git commit），或用 git restore 恢复，再检查",
        "commit the change (git commit), or undo it with git restore, and check again",
    ),
    "sig.signers_are": ("{office}的签名人：{signers}", "{office}'s signers: {signers}"),
    "sig.list_signers": (
        "在 goals.toml 的 [[plan.offices]] 中为{office}列出 signers",
        "list {office}'s signers under [[plan.offices]] in goals.toml",
    ),
    "sig.not_committed": (
        "{what}还没有提交到 git",
        "{what} is not committed to git yet",
    ),
    "sig.not_committed_fix": (
        "由{office}的签名人签名提交：git commit -S",
        "have a signer of {office} commit it signed: git commit -S",
    ),
    # ── why nothing could be checked ─────────────────────────────────────────
    "sig.no_git": (
        "找不到 git，无法检查核实记录的签名",
        "git is not installed (or not on PATH): signatures cannot be checked",
    ),
    "sig.install_git": ("安装 git 2.34 或更新版本", "install git 2.34 or newer"),
    "sig.git_too_old": (
        "git {version} 不能检查 SSH 签名",
        "git {version} cannot check SSH signatures",
    ),
    "sig.not_a_repository": (
        "数据文件夹不在 git 仓库中，没有可检查的签名",
        "the data folder is not in a git repository: there are no signatures to check",
    ),
    "sig.use_git": (
        "用 git 保存数据文件夹（git init），核实记录签名提交；见 README 的“核实记录的签名”一节",
        "keep the data folder in git (git init) and commit verdicts signed; see the README, "
        "Signing verdicts",
    ),
    "sig.shallow": (
        "仓库是浅克隆，历史不完整，查不出每条核实记录由哪个提交写入",
        "the repository is a shallow clone: its history is incomplete, so the commit that "
        "added each verdict cannot be told",
    ),
    "sig.unshallow": (
        "运行 git fetch --unshallow 取得完整历史后再检查",
        "run git fetch --unshallow for the whole history, then check again",
    ),
    "sig.git_failed": ("git 出错：{detail}", "git failed: {detail}"),
    "sig.no_allowed_signers": (
        "没有 allowed_signers 文件，无法确认签名人是谁",
        "there is no allowed_signers file: nothing says whose key is whose",
    ),
    "sig.allowed_signers_fix": (
        '在 goals.toml 旁建立 allowed_signers，每个签名人一行：名称 namespaces="git" ssh-ed25519 AAAA…',
        'create allowed_signers beside goals.toml, a line per signer: NAME namespaces="git" '
        "ssh-ed25519 AAAA…",
    ),
    # ── the outcome ──────────────────────────────────────────────────────────
    "sig.ok": (
        "签名检查通过：{verdicts} 条核实记录均由所属单位的签名人签名提交。",
        "OK: all {verdicts} verdicts were committed signed by a signer of their office.",
    ),
    "sig.none": (
        "历史中没有核实记录，没有需要检查的签名。",
        "No verdicts in the history: no signatures to check.",
    ),
    # ── help ─────────────────────────────────────────────────────────────────
    "help.opt.signatures": (
        "改为检查签名：每条核实记录须由写入它的提交签名证明——签名人是该核实单位在 goals.toml 中列出的 "
        "signers 之一，公钥在数据文件夹的 allowed_signers 中。逐条列出未签名、密钥未列出、"
        "不是该单位签名人的提交及其记录所在行。",
        "Check signatures instead: every verdict line must be proved by the commit that added "
        "it, signed by one of the signers goals.toml lists for the verifying office, whose key "
        "is in the data folder's allowed_signers. Unsigned commits, unknown keys and signers of "
        "another office are listed with the commit and the verdict's line.",
    ),
}
