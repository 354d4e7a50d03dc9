<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CallingBoard</name>
    <message>
        <location filename="../../counter/screen/board.py" line="65" />
        <source>Calling board</source>
        <translation>叫号屏</translation>
    </message>
    <message>
        <location filename="../../counter/screen/board.py" line="113" />
        <source>Now calling</source>
        <translation>正在叫号</translation>
    </message>
    <message>
        <location filename="../../counter/screen/board.py" line="141" />
        <source>Waiting now</source>
        <translation>当前等候</translation>
    </message>
    <message>
        <location filename="../../counter/screen/board.py" line="247" />
        <source>Earlier: %1</source>
        <translation>此前叫号：%1</translation>
    </message>
    <message>
        <location filename="../../counter/screen/board.py" line="250" />
        <source>%1 → %2</source>
        <comment>an earlier call: ticket → counter number</comment>
        <translation>%1→%2号</translation>
    </message>
    <message>
        <location filename="../../counter/screen/board.py" line="259" />
        <source>Missed: %1</source>
        <translation>过号：%1</translation>
    </message>
    <message>
        <location filename="../../counter/screen/board.py" line="274" />
        <source>Paused: %1 · Closed: %2</source>
        <comment>counter numbers</comment>
        <translation>暂停：%1 · 关闭：%2</translation>
    </message>
    <message>
        <location filename="../../counter/screen/board.py" line="285" />
        <source>%1 waiting</source>
        <translation>%1 人</translation>
    </message>
    <message>
        <location filename="../../counter/screen/board.py" line="232" />
        <source>Counter %1</source>
        <translation>%1 号窗口</translation>
    </message>
</context>
<context>
    <name>Figures</name>
    <message>
        <location filename="../../counter/screen/tables.py" line="142" />
        <source>Share of routine business finished within the three-minute norm</source>
        <translation>常规业务在三分钟内受理完成的比例</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="146" />
        <source>Clerk</source>
        <translation>营业员</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="147" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="148" />
        <source>Called</source>
        <translation>叫号</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="149" />
        <source>Handled</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="150" />
        <source>No-shows</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="151" />
        <source>Transfers</source>
        <translation>转移</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="152" />
        <source>Mean wait</source>
        <translation>平均等候</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="153" />
        <source>Mean handling</source>
        <translation>平均办理</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="154" />
        <source>P90 handling</source>
        <translation>办理时长P90</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="156" />
        <source>Within norm</source>
        <translation>三分钟达标</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="162" />
        <source>Rated</source>
        <translation>评价数</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="163" />
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="164" />
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="166" />
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="168" />
        <source>Points</source>
        <translation>满意积分</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="170" />
        <source>Why dissatisfied</source>
        <translation>不满意原因</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="174" />
        <source>Recommended</source>
        <translation>推荐</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="175" />
        <source>Accepted</source>
        <translation>推荐成功</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="176" />
        <source>Signed</source>
        <translation>签单率</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="177" />
        <source>Busy</source>
        <translation>利用率</translation>
    </message>
</context>
<context>
    <name>LeadMonitor</name>
    <message>
        <location filename="../../counter/screen/monitor.py" line="155" />
        <source>Shift lead's monitor</source>
        <translation>值班长监控屏</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="206" />
        <source>Only a shift lead or an administrator opens the monitor.</source>
        <translation>只有值班长或管理员可以打开监控屏。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="228" />
        <source>Floor</source>
        <translation>厅堂</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="229" />
        <source>Clerks</source>
        <translation>营业员</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="230" />
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="241" />
        <source>Acknowledge</source>
        <translation>确认应急</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="246" />
        <source>Day report…</source>
        <translation>营业日报…</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="267" />
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="268" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="269" />
        <location filename="../../counter/screen/monitor.py" line="299" />
        <location filename="../../counter/screen/monitor.py" line="521" />
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="270" />
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="272" />
        <source>Longest wait</source>
        <translation>最长等候</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="276" />
        <source>Green within ¾ of the queue's target, amber up to it, red past it</source>
        <translation>绿色：未到目标的¾；琥珀色：接近目标；红色：已超目标</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="284" />
        <location filename="../../counter/screen/monitor.py" line="308" />
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="285" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="286" />
        <source>Pause reason</source>
        <translation>暂停原因</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="288" />
        <location filename="../../counter/screen/monitor.py" line="349" />
        <source>Clerk</source>
        <translation>营业员</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="290" />
        <source>Queues</source>
        <translation>服务队列</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="291" />
        <source>Serving</source>
        <translation>当前号码</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="292" />
        <location filename="../../counter/screen/monitor.py" line="310" />
        <source>For</source>
        <translation>已用时</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="297" />
        <location filename="../../counter/screen/monitor.py" line="318" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="298" />
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="300" />
        <source>Open</source>
        <translation>开放窗口</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="301" />
        <source>Acknowledged by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="302" />
        <source>At</source>
        <translation>确认时间</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="319" />
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="309" />
        <location filename="../../counter/screen/monitor.py" line="320" />
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="321" />
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="329" />
        <source>Waiting per queue</source>
        <translation>各队列等候</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="330" />
        <source>Counters</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="335" />
        <source>Alert levels today</source>
        <translation>今日应急记录</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="334" />
        <source>Floor alerts</source>
        <translation>现场提醒</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="337" />
        <source>Incidents</source>
        <translation>设备故障</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="361" />
        <source>Clerk figures today</source>
        <translation>今日营业员业绩</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="419" />
        <source>Idle while %1 wait in its queues</source>
        <translation>空闲，其队列有 %1 人等候</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="420" />
        <source>Serving %1 for long</source>
        <translation>%1 办理时间过长</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="461" />
        <source>%1 · %2 waiting ÷ %3 open counters = %4 (thresholds %5 / %6)</source>
        <translation>%1 · 等候 %2 人 ÷ 开放窗口 %3 个 = %4（阈值 %5 / %6）</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="483" />
        <source>Nothing to acknowledge: business day %1 is not today.</source>
        <translation>无需确认：%1 不是今天的营业日。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="487" />
        <source>No rise of level today.</source>
        <translation>今日应急级别未升高。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="490" />
        <source>Rise to %1 at %2 acknowledged by %3 at %4.</source>
        <translation>%2 升至%1，已由 %3 于 %4 确认。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="498" />
        <source>Rise to %1 at %2 not yet acknowledged.</source>
        <translation>%2 升至%1，尚未确认。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="516" />
        <source>Arrivals and finishes per half hour</source>
        <translation>每半小时到达与办结</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="518" />
        <source>Arrivals</source>
        <translation>到达</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="518" />
        <source>Finished</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="521" />
        <source>Customers waiting</source>
        <translation>等候人数</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="526" />
        <source>Handling time per clerk (minutes)</source>
        <translation>各营业员办理时长分布（分钟）</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="556" />
        <source>Counter %1: done.</source>
        <translation>%1 号窗口：已完成。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="559" />
        <location filename="../../counter/screen/monitor.py" line="574" />
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="570" />
        <source>The board shows the notice.</source>
        <translation>叫号屏已显示通知。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="570" />
        <source>Notice taken down.</source>
        <translation>通知已撤下。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="578" />
        <source>Folder for the day report</source>
        <translation>选择日报保存位置</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="588" />
        <source>Writing the report…</source>
        <translation>正在生成日报…</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="597" />
        <source>Report failed: %1</source>
        <translation>日报生成失败：%1</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="599" />
        <source>Report written: %1</source>
        <translation>日报已保存：%1</translation>
    </message>
    <message>
        <source>Performance sheet (100 points)</source>
        <translation>绩效考核表（百分制）</translation>
    </message>
</context>
<context>
    <name>Levels</name>
    <message>
        <location filename="../../counter/screen/words.py" line="22" />
        <source>Very busy. Top-up, bills and bill queries: please use the self-service kiosk or the app. Non-urgent business may have to wait.</source>
        <translation>当前客流高峰。充值、缴费、话费查询请使用自助终端或手机营业厅；非紧急业务建议改日办理。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="28" />
        <source>Busy. Top-up, bills and bill queries are quicker at the self-service kiosk or in the app.</source>
        <translation>当前客流较多。充值、缴费、话费查询请使用自助终端或手机营业厅，更快捷。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="33" />
        <source>Welcome. Please wait for your number to be called.</source>
        <translation>欢迎光临，请留意叫号。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="38" />
        <source>Level 2 alert</source>
        <translation>二级应急</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="40" />
        <source>Level 1 alert</source>
        <translation>一级应急</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="41" />
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="52" />
        <source>All of level 1, and: open every counter, call in back-up staff, restrict non-urgent business.</source>
        <translation>执行一级全部措施，并开放全部窗口、调集后备人员、限制非紧急业务。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="58" />
        <source>Forced diversion: guides steer simple business to self-service and e-channels; open standby counters.</source>
        <translation>强制分流：导服引导简单业务到自助终端和电子渠道；开放备用窗口。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="63" />
        <source>Routine diversion; no action needed.</source>
        <translation>常态分流，无需额外措施。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="68" />
        <source>open</source>
        <translation>开放</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="70" />
        <source>paused</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="71" />
        <source>closed</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="86" />
        <source>~%1 min</source>
        <translation>约 %1 分钟</translation>
    </message>
</context>
<context>
    <name>OrdersPanel</name>
    <message>
        <location filename="../../counter/screen/floor_orders.py" line="33" />
        <source>Orders</source>
        <translation>现场调度</translation>
    </message>
    <message>
        <location filename="../../counter/screen/floor_orders.py" line="35" />
        <source>Clerk's staff id</source>
        <translation>营业员工号</translation>
    </message>
    <message>
        <location filename="../../counter/screen/floor_orders.py" line="36" />
        <source>Queues, e.g. AB</source>
        <translation>服务队列，如 AB</translation>
    </message>
    <message>
        <location filename="../../counter/screen/floor_orders.py" line="38" />
        <source>Open</source>
        <translation>开放</translation>
    </message>
    <message>
        <location filename="../../counter/screen/floor_orders.py" line="39" />
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../counter/screen/floor_orders.py" line="40" />
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../counter/screen/floor_orders.py" line="41" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../counter/screen/floor_orders.py" line="42" />
        <source>Change queues</source>
        <translation>更改队列</translation>
    </message>
    <message>
        <location filename="../../counter/screen/floor_orders.py" line="43" />
        <source>A line for the calling board</source>
        <translation>叫号屏通知（一行）</translation>
    </message>
    <message>
        <location filename="../../counter/screen/floor_orders.py" line="45" />
        <source>Post to the board</source>
        <translation>发布到叫号屏</translation>
    </message>
    <message>
        <location filename="../../counter/screen/floor_orders.py" line="46" />
        <source>Take down</source>
        <translation>撤下</translation>
    </message>
    <message>
        <location filename="../../counter/screen/floor_orders.py" line="50" />
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
</context>
<context>
    <name>WarningsPanel</name>
    <message>
        <location filename="../../counter/screen/warnings_panel.py" line="30" />
        <source>Early warnings now</source>
        <translation>当前预警</translation>
    </message>
    <message>
        <location filename="../../counter/screen/warnings_panel.py" line="36" />
        <source>Level expected</source>
        <translation>预计级别</translation>
    </message>
    <message>
        <location filename="../../counter/screen/warnings_panel.py" line="37" />
        <source>Chance</source>
        <translation>可能性</translation>
    </message>
    <message>
        <location filename="../../counter/screen/warnings_panel.py" line="38" />
        <source>Expected at</source>
        <translation>预计时间</translation>
    </message>
    <message>
        <location filename="../../counter/screen/warnings_panel.py" line="39" />
        <source>Raised at</source>
        <translation>发出时间</translation>
    </message>
    <message>
        <location filename="../../counter/screen/warnings_panel.py" line="40" />
        <source>Counters to open</source>
        <translation>建议加开窗口</translation>
    </message>
    <message>
        <location filename="../../counter/screen/warnings_panel.py" line="50" />
        <source>No early warning stands.</source>
        <translation>当前没有预警。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/warnings_panel.py" line="74" />
        <source>none: keep the counters open now</source>
        <translation>无需加开，保持现有窗口</translation>
    </message>
    <message>
        <location filename="../../counter/screen/warnings_panel.py" line="76" />
        <source>%1 more: none idle, divert customers</source>
        <translation>再开 %1 个：已无空闲窗口，请分流客户</translation>
    </message>
    <message>
        <location filename="../../counter/screen/warnings_panel.py" line="80" />
        <source>%1 more: no. %2</source>
        <translation>再开 %1 个：%2 号</translation>
    </message>
    <message>
        <location filename="../../counter/screen/warnings_panel.py" line="87" />
        <source>The warning's record: no business day yet.</source>
        <translation>预警记录：尚无营业日。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/warnings_panel.py" line="90" />
        <source>Record over %1 business day(s) since %2: warnings raised %3, came true %4, false alarms %5, still open %6; rises of the level %8, unwarned %7.</source>
        <translation>最近 %1 个营业日（%2 起）：发出预警 %3 次，应验 %4 次，误报 %5 次，待验证 %6 次；级别上升 %8 次，其中未获预警 %7 次。</translation>
    </message>
</context>
<context>
    <name>ServicePanel</name>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Ticket</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Taken at</source>
        <translation>取号时间</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>List</source>
        <translation>名单</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Acknowledged by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>At</source>
        <translation>确认时间</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Acknowledge flag</source>
        <translation>确认提示</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>No flagged customer today.</source>
        <translation>今日无重点关注客户。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Flagged customers today</source>
        <translation>今日重点关注客户</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Clerk</source>
        <translation>营业员</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Opened</source>
        <translation>立案时间</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Call-back by</source>
        <translation>回访人</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Call-back</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>No open case.</source>
        <translation>没有未结案件。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Assign call-back</source>
        <translation>指派回访</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Close case</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Ticket, e.g. A012</source>
        <translation>号码，如 A012</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>What the customer complains about</source>
        <translation>客户投诉的内容</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Log complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>The call went:</source>
        <translation>回访结果：</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Open complaint cases</source>
        <translation>未结投诉案件</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Log a complaint about a ticket of today:</source>
        <translation>为今日号码登记投诉：</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Campaign</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Targets</source>
        <translation>目标客户</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Seen</source>
        <translation>到厅</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Offered</source>
        <translation>已推荐</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Accepted</source>
        <translation>接受</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Acceptance</source>
        <translation>成功率</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Revenue (yuan)</source>
        <translation>收入（元）</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>No campaign runs today.</source>
        <translation>今日没有进行中的营销活动。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Campaign feedback (campaigns running today)</source>
        <translation>活动执行反馈（今日进行中的活动）</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Sensitive complaints</source>
        <translation>敏感投诉名单</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Blacklist</source>
        <translation>黑名单</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Greylist</source>
        <translation>灰名单</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Do not disturb</source>
        <translation>免打扰名单</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Dissatisfied rating</source>
        <translation>不满意评价</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Declined to sign</source>
        <translation>拒绝签名</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Complaint logged</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Not reached</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Flagged customer: %1 took a ticket at %2 (%3). See Service and sales.</source>
        <translation>重点关注客户：%1 于 %2 取号（%3），请查看“服务与营销”。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Service and sales</source>
        <translation>服务与营销</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Flag on %1 acknowledged.</source>
        <translation>已确认 %1 的提示。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Case %1: call-back given to %2.</source>
        <translation>案件 %1：已指派 %2 回访。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Case %1: call-back %2.</source>
        <translation>案件 %1：回访%2。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Case %1 closed.</source>
        <translation>案件 %1 已关闭。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Give the ticket and what the customer complains about.</source>
        <translation>请填写号码和客户投诉的内容。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/cases_panel.py" />
        <source>Complaint on %1 logged: a case is open.</source>
        <translation>已为 %1 登记投诉，案件已立。</translation>
    </message>
</context>
<context>
    <name>ScoreEntryDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>营业员</translation>
    </message>
    <message>
        <source>Day of the check</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>录入</translation>
    </message>
    <message>
        <source>Enter a score</source>
        <translation>录入考核分</translation>
    </message>
    <message>
        <source>Entering…</source>
        <translation>正在录入…</translation>
    </message>
    <message>
        <source>Items checked</source>
        <translation>检查项数</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Learning</source>
        <translation>学习成长</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Morning meetings attended</source>
        <translation>出席晨会次数</translation>
    </message>
    <message>
        <source>Morning meetings held</source>
        <translation>召开晨会次数</translation>
    </message>
    <message>
        <source>Mystery-shopper check</source>
        <translation>神秘顾客检查</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Points (of 100)</source>
        <translation>得分（满分100）</translation>
    </message>
    <message>
        <source>Staff ID, e.g. E002</source>
        <translation>工号，如 E002</translation>
    </message>
    <message>
        <source>Teamwork</source>
        <translation>团队协作</translation>
    </message>
    <message>
        <source>Trainings attended</source>
        <translation>参加培训次数</translation>
    </message>
</context>
<context>
    <name>ScoreSheetPanel</name>
    <message>
        <source>%1: entered by %2</source>
        <translation>%1：%2 录入</translation>
    </message>
    <message>
        <source>%1: measured + entered by %2</source>
        <translation>%1：系统计量 + %2 录入</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>营业员</translation>
    </message>
    <message>
        <source>Enter a score…</source>
        <translation>录入考核分…</translation>
    </message>
    <message>
        <source>Learning</source>
        <translation>学习成长</translation>
    </message>
    <message>
        <source>Month %1</source>
        <translation>%1 月度</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>下个月</translation>
    </message>
    <message>
        <source>No clerk served or was scored this month.</source>
        <translation>本月无营业员服务或考核记录。</translation>
    </message>
    <message>
        <source>Out of %1: team %2 (teamwork) + personal %3, as the hall's settings weigh them. Equal points share a rank; the next rank skips.</source>
        <translation>满分 %1：团队 %2 分（团队协作）+ 个人 %3 分，权重为营业厅设置。同分同名次，下一名次顺延。</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>个人分</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>服务质量</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>业务推荐</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队分</translation>
    </message>
    <message>
        <source>Teamwork</source>
        <translation>团队协作</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>业务量</translation>
    </message>
    <message>
        <source>measured: %1</source>
        <translation>系统计量：%1</translation>
    </message>
</context>
</TS>