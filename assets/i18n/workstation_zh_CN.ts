<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ArchiveDialog</name>
    <message>
        <location filename="../../counter/workstation/archive_dialog.py" />
        <source>%1 form(s)</source>
        <translation>共 %1 份</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/archive_dialog.py" />
        <source>Clerk</source>
        <translation>营业员</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/archive_dialog.py" />
        <source>Clerk (staff ID)</source>
        <translation>营业员（工号）</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/archive_dialog.py" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/archive_dialog.py" />
        <source>Form</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/archive_dialog.py" />
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/archive_dialog.py" />
        <source>Mobile number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/archive_dialog.py" />
        <source>Service form archive</source>
        <translation>电子签单查询</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/archive_dialog.py" />
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/archive_dialog.py" />
        <source>Ticket</source>
        <translation>排队号</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/archive_dialog.py" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/archive_dialog.py" />
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/archive_dialog.py" />
        <source>declined: %1</source>
        <translation>拒签：%1</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/archive_dialog.py" />
        <source>signed</source>
        <translation>已签名</translation>
    </message>
</context>
<context>
    <name>FiguresPanel</name>
    <message>
        <location filename="../../counter/workstation/figures_panel.py" />
        <source>Called</source>
        <translation>叫号</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/figures_panel.py" />
        <source>My figures today</source>
        <translation>我的今日业绩</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/figures_panel.py" />
        <source>No-shows</source>
        <translation>过号</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Mean handling</source>
        <translation>平均办理</translation>
    </message>
    <message>
        <source>Mean wait</source>
        <translation>平均等候</translation>
    </message>
    <message>
        <source>Recommended / accepted</source>
        <translation>推荐 / 推荐成功</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>签单率</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>转移</translation>
    </message>
    <message>
        <source>Why dissatisfied</source>
        <translation>不满意原因</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
</context>
<context>
    <name>TransactionForm</name>
    <message>
        <location filename="../../counter/workstation/transaction_form.py" />
        <source>These notes look like they hold a mobile number or an ID number. Do not write the customer's personal data in notes: they are printed on the service form as typed.</source>
        <translation>备注中似乎有手机号码或身份证号码。请勿在备注中填写客户的个人信息：备注会按原样打印在服务单上。</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/transaction_form.py" />
        <source>Left for the counter: ask the customer</source>
        <translation>客户选择到柜台填写，请询问客户</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/transaction_form.py" />
        <source>+ Add another business done…</source>
        <translation>＋ 添加同时办理的业务…</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/transaction_form.py" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/transaction_form.py" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/transaction_form.py" />
        <source>Outcome</source>
        <translation>办理结果</translation>
    </message>
</context>
<context>
    <name>Workstation</name>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>%1 finished.</source>
        <translation>%1 已办结。</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>%1 is choosing why they were not satisfied.</source>
        <translation>%1 正在选择不满意的原因。</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>%1 is declining to sign on the customer screen.</source>
        <translation>%1 正在客户屏上选择拒签原因。</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>%1 is done at the customer screen.</source>
        <translation>%1 已在客户屏上完成。</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>%1 is rating the service on the customer screen.</source>
        <translation>%1 正在客户屏上评价服务。</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>%1 is reading the form on the customer screen.</source>
        <translation>%1 正在客户屏上核对业务单。</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>%1 is signing on the customer screen.</source>
        <translation>%1 正在客户屏上签名。</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Business: %1</source>
        <translation>业务：%1</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Call chosen</source>
        <translation>指定叫号</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Call next</source>
        <translation>呼叫下一位</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Called again.</source>
        <translation>已重呼。</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Calling %1.</source>
        <translation>正在呼叫 %1。</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Choose a ticket in the waiting list first.</source>
        <translation>请先在等候列表中选择一个号码。</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Close counter</source>
        <translation>关闭窗口</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Close the counter before signing out.</source>
        <translation>请先关闭窗口再退出登录。</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Closed</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Counter %1</source>
        <translation>%1号窗口</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Counter %1 · %2 (%3)</source>
        <translation>%1号窗口 · %2（%3）</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Counter %1 — sign in</source>
        <translation>%1号窗口 — 登录</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Counter &amp;%1</source>
        <translation>&amp;%1 号窗口</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Counter closed.</source>
        <translation>窗口已关闭。</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Counter open. Press F2 to call the next customer.</source>
        <translation>窗口已开放。按 F2 呼叫下一位客户。</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Finish</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Finish + next</source>
        <translation>办结并叫下一位</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Form archive</source>
        <translation>签单查询</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Marked as not come.</source>
        <translation>已过号。</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Mobile: %1</source>
        <translation>手机：%1</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>No one is waiting.</source>
        <translation>当前无人等候。</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>No slip</source>
        <translation>无预处理单</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>No-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Now serving</source>
        <translation>正在办理</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Open</source>
        <translation>开放</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Open counter</source>
        <translation>开放窗口</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Paused</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Paused: %1</source>
        <translation>已暂停：%1</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Recall</source>
        <translation>重呼</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Resume</source>
        <translation>恢复服务</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Resumed.</source>
        <translation>已恢复服务。</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Scan the slip's QR code here</source>
        <translation>在此扫描预处理单二维码</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Serving %1 (norm %2)</source>
        <translation>已办理 %1（标准 %2）</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Slip (%1):</source>
        <translation>预处理单（%1）：</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Slip accepted: the form is filled in.</source>
        <translation>预处理单有效，已自动填写业务单。</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Tier: %1</source>
        <translation>客户等级：%1</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Transfer</source>
        <translation>转移</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Transferred to counter %1.</source>
        <translation>已转至 %1 号窗口。</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>Transferred to queue %1.</source>
        <translation>已转至 %1 队列。</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>What was done</source>
        <translation>办理内容</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>slip checked</source>
        <translation>已核验</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/window.py" />
        <source>slip not scanned yet</source>
        <translation>尚未扫描</translation>
    </message>
    <message>
        <source>Waited: %1</source>
        <translation>已等候：%1</translation>
    </message>
</context>
<context>
    <name>CustomerWindow</name>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>: </source>
        <translation>：</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>Another reason</source>
        <translation>其他原因</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>Back to the form</source>
        <translation>返回签单</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>Clear</source>
        <translation>重写</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>Confirm and sign</source>
        <translation>核准并签名</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>Counter %1 · Clerk %2 · Ticket %3 · %4</source>
        <translation>%1号窗口 · 营业员 %2 · 排队号 %3 · %4</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>Counter %1 — for the customer</source>
        <translation>%1号窗口 — 客户屏</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>Decline</source>
        <translation>确认拒签</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>Decline to sign</source>
        <translation>拒绝签名</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>Fees or terms not explained clearly</source>
        <translation>费用或条款没有解释清楚</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>How was our service today?</source>
        <translation>请您对本次服务进行评价</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>I do not agree with the terms</source>
        <translation>不同意业务条款</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>I waited too long</source>
        <translation>等候时间太长</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>My problem is not solved</source>
        <translation>问题没有解决</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>Neutral</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>Other reason</source>
        <translation>其他原因</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>Please read your service form</source>
        <translation>请核对您的电子服务单</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>Please sign in the box below</source>
        <translation>请在下方框内签名</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>Sorry. What went wrong?</source>
        <translation>很抱歉，请告诉我们哪里做得不好</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>Submit signature</source>
        <translation>提交签名</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>Terms</source>
        <translation>业务条款</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>Thank you for your rating!</source>
        <translation>感谢您的评价！</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>Thank you!</source>
        <translation>谢谢！</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>The clerk's manner</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>The details are wrong</source>
        <translation>办理内容有误</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>The service took too long</source>
        <translation>办理时间太长</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>This screen closes in %1 s</source>
        <translation>本页面将在 %1 秒后关闭</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>Welcome</source>
        <translation>欢迎光临</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>Why do you decline to sign?</source>
        <translation>请选择或填写拒签原因</translation>
    </message>
    <message>
        <location filename="../../counter/customer/window.py" />
        <source>Your clerk: %1   Staff number: %2</source>
        <translation>为您服务的营业员：%1　工号：%2</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../counter/workstation/queue_panel.py" />
        <source>Business</source>
        <translation>业务</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/queue_panel.py" />
        <source>Choose a ticket, then F5 to call it out of turn</source>
        <translation>选中号码后按 F5 指定叫号</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/queue_panel.py" />
        <source>Hall: %1</source>
        <translation>营业厅：%1</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/queue_panel.py" />
        <source>Level 1 alert</source>
        <translation>一级应急</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/queue_panel.py" />
        <source>Level 2 alert</source>
        <translation>二级应急</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/queue_panel.py" />
        <source>Longest wait</source>
        <translation>最长等候</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/queue_panel.py" />
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/queue_panel.py" />
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/queue_panel.py" />
        <source>Ticket</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/queue_panel.py" />
        <source>Waited</source>
        <translation>已等候</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/queue_panel.py" />
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
    <message>
        <location filename="../../counter/workstation/queue_panel.py" />
        <source>Waiting for this counter</source>
        <translation>本窗口等候情况</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../counter/customer/signature_pad.py" />
        <source>Sign here</source>
        <translation>签名处</translation>
    </message>
</context>
<context>
    <name>OfferPanel</name>
    <message>
        <source>(no script line given)</source>
        <translation>（未提供话术）</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Accepted: %1 is recorded on %2.</source>
        <translation>已接受：%1已记入 %2。</translation>
    </message>
    <message>
        <source>Campaign %1: %2</source>
        <translation>营销活动 %1：%2</translation>
    </message>
    <message>
        <source>Campaign: %1 · offers %2</source>
        <translation>营销活动：%1 · 推荐 %2</translation>
    </message>
    <message>
        <source>Complaint logged on %1: the shift lead follows it up.</source>
        <translation>已为 %1 登记投诉，值班长将跟进。</translation>
    </message>
    <message>
        <source>Customer and offer</source>
        <translation>客户与营销推荐</translation>
    </message>
    <message>
        <source>Customer took it</source>
        <translation>客户已办理</translation>
    </message>
    <message>
        <source>Customer's mobile number, then Enter</source>
        <translation>输入客户手机号后按回车</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Log complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>No campaign offer for this customer.</source>
        <translation>该客户没有营销活动推荐。</translation>
    </message>
    <message>
        <source>No customer called.</source>
        <translation>尚未叫号。</translation>
    </message>
    <message>
        <source>Not offered…</source>
        <translation>未推荐…</translation>
    </message>
    <message>
        <source>Number noted for %1.</source>
        <translation>已为 %1 记录手机号。</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>已推荐</translation>
    </message>
    <message>
        <source>Recommended a service without a campaign</source>
        <translation>推荐了其他业务（非营销活动）</translation>
    </message>
    <message>
        <source>Recorded: %1.</source>
        <translation>已记录：%1。</translation>
    </message>
    <message>
        <source>Segment: %1</source>
        <translation>客户分群：%1</translation>
    </message>
    <message>
        <source>The customer already has it</source>
        <translation>客户已办理</translation>
    </message>
    <message>
        <source>The customer is in a hurry</source>
        <translation>客户赶时间</translation>
    </message>
    <message>
        <source>The customer is upset</source>
        <translation>客户情绪不佳</translation>
    </message>
    <message>
        <source>The customer's number is not known: type it to see the offer for them.</source>
        <translation>客户手机号未知：输入号码后可查看推荐。</translation>
    </message>
    <message>
        <source>The hall asks for particular patience and care with this customer.</source>
        <translation>营业厅提示：请对该客户格外耐心、细致。</translation>
    </message>
    <message>
        <source>The offer does not suit the customer</source>
        <translation>该活动不适合客户</translation>
    </message>
    <message>
        <source>What the customer is unhappy about</source>
        <translation>客户不满的内容</translation>
    </message>
    <message>
        <source>Write what the customer is unhappy about first.</source>
        <translation>请先填写客户不满的内容。</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>not offered</source>
        <translation>未推荐</translation>
    </message>
    <message>
        <source>offered, the customer will think about it</source>
        <translation>已推荐，客户再考虑</translation>
    </message>
    <message>
        <source>◆ Serve with particular care</source>
        <translation>◆ 请耐心细致服务</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Staff ID</source>
        <translation>工号</translation>
    </message>
</context>
</TS>