<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CallingBoard</name>
    <message>
        <location filename="../../counter/screen/board.py" line="54"/>
        <source>Calling board</source>
        <translation>叫号屏</translation>
    </message>
    <message>
        <location filename="../../counter/screen/board.py" line="93"/>
        <source>Now calling</source>
        <translation>正在叫号</translation>
    </message>
    <message>
        <location filename="../../counter/screen/board.py" line="100"/>
        <source>Being served</source>
        <translation>正在办理</translation>
    </message>
    <message>
        <location filename="../../counter/screen/board.py" line="109"/>
        <source>Last calls</source>
        <translation>最近叫号</translation>
    </message>
    <message>
        <location filename="../../counter/screen/board.py" line="203"/>
        <source>Counter %1</source>
        <translation>%1 号窗口</translation>
    </message>
    <message>
        <location filename="../../counter/screen/board.py" line="228"/>
        <source>%1
%2 waiting</source>
        <translation>%1
等候 %2 人</translation>
    </message>
</context>
<context>
    <name>Figures</name>
    <message>
        <location filename="../../counter/screen/tables.py" line="123"/>
        <source>Share of routine business finished within the three-minute norm</source>
        <translation>常规业务在三分钟内受理完成的比例</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="127"/>
        <source>Clerk</source>
        <translation>营业员</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="128"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="129"/>
        <source>Called</source>
        <translation>叫号</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="130"/>
        <source>Handled</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="131"/>
        <source>No-shows</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="132"/>
        <source>Transfers</source>
        <translation>转移</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="133"/>
        <source>Mean wait</source>
        <translation>平均等候</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="134"/>
        <source>Mean handling</source>
        <translation>平均办理</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="135"/>
        <source>P90 handling</source>
        <translation>办理时长P90</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="137"/>
        <source>Within norm</source>
        <translation>三分钟达标</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="143"/>
        <source>Rated</source>
        <translation>评价数</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="144"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="145"/>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="147"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="149"/>
        <source>Points</source>
        <translation>满意积分</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="150"/>
        <source>Recommended</source>
        <translation>推荐</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="151"/>
        <source>Accepted</source>
        <translation>推荐成功</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="152"/>
        <source>Signed</source>
        <translation>电子签名率</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="153"/>
        <source>Busy</source>
        <translation>利用率</translation>
    </message>
</context>
<context>
    <name>LeadMonitor</name>
    <message>
        <location filename="../../counter/screen/monitor.py" line="145"/>
        <source>Shift lead&apos;s monitor</source>
        <translation>值班长监控屏</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="178"/>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="193"/>
        <source>Only a shift lead or an administrator opens the monitor.</source>
        <translation>只有值班长或管理员可以打开监控屏。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="217"/>
        <source>Floor</source>
        <translation>厅堂</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="218"/>
        <source>Clerks</source>
        <translation>营业员</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="219"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="230"/>
        <source>Acknowledge</source>
        <translation>确认预警</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="234"/>
        <source>Day report…</source>
        <translation>营业日报…</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="254"/>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="255"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="256"/>
        <location filename="../../counter/screen/monitor.py" line="277"/>
        <location filename="../../counter/screen/monitor.py" line="467"/>
        <source>Waiting</source>
        <translation>等候</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="257"/>
        <source>Longest wait</source>
        <translation>最长等候</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="262"/>
        <source>Counter</source>
        <translation>台席</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="263"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="264"/>
        <source>Pause reason</source>
        <translation>暂停原因</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="266"/>
        <location filename="../../counter/screen/monitor.py" line="324"/>
        <source>Clerk</source>
        <translation>营业员</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="268"/>
        <source>Queues</source>
        <translation>服务队列</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="269"/>
        <source>Serving</source>
        <translation>当前号码</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="270"/>
        <source>For</source>
        <translation>已用时</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="275"/>
        <location filename="../../counter/screen/monitor.py" line="285"/>
        <location filename="../../counter/screen/monitor.py" line="298"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="276"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="278"/>
        <source>Open</source>
        <translation>开放台席</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="279"/>
        <source>Acknowledged by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="280"/>
        <source>At</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="286"/>
        <source>Level expected</source>
        <translation>预计级别</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="287"/>
        <source>Expected at</source>
        <translation>预计时间</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="288"/>
        <source>Open more</source>
        <translation>需加开</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="290"/>
        <source>Arrivals / served per hour</source>
        <translation>每小时到达 / 办结</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="293"/>
        <source>Withdrawn</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="299"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="300"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="301"/>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="307"/>
        <source>Waiting per queue</source>
        <translation>各队列等候</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="308"/>
        <source>Counters</source>
        <translation>台席</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="309"/>
        <source>Alert levels today</source>
        <translation>今日预警记录</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="310"/>
        <source>Early warnings</source>
        <translation>预警预报</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="311"/>
        <source>Incidents</source>
        <translation>设备故障</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="325"/>
        <source>Handled</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="326"/>
        <source>Sales</source>
        <translation>营销</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="327"/>
        <source>Volume</source>
        <translation>业务量</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="328"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="329"/>
        <source>Quality</source>
        <translation>服务质量</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="330"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="331"/>
        <source>Out of</source>
        <translation>满分</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="336"/>
        <source>Clerk figures today</source>
        <translation>今日营业员业绩</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="339"/>
        <source>Performance sheet (measurable parts)</source>
        <translation>绩效表（可计量部分）</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="407"/>
        <source>%1 · %2 waiting ÷ %3 open counters = %4 (thresholds %5 / %6)</source>
        <translation>%1 · 等候 %2 人 ÷ 开放台席 %3 个 = %4（阈值 %5 / %6）</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="429"/>
        <source>Nothing to acknowledge: business day %1 is not today.</source>
        <translation>无需确认：%1 不是今天的营业日。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="433"/>
        <source>No rise of level today.</source>
        <translation>今日预警级别未升高。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="436"/>
        <source>Rise to %1 at %2 acknowledged by %3 at %4.</source>
        <translation>%2 升至%1，已由 %3 于 %4 确认。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="444"/>
        <source>Rise to %1 at %2 not yet acknowledged.</source>
        <translation>%2 升至%1，尚未确认。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="462"/>
        <source>Arrivals and finishes per half hour</source>
        <translation>每半小时到达与办结</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="464"/>
        <source>Arrivals</source>
        <translation>到达</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="464"/>
        <source>Finished</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="467"/>
        <source>Customers waiting</source>
        <translation>等候人数</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="472"/>
        <source>Handling time per clerk (minutes)</source>
        <translation>各营业员办理时长分布（分钟）</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="496"/>
        <source>Folder for the day report</source>
        <translation>选择日报保存位置</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="506"/>
        <source>Writing the report…</source>
        <translation>正在生成日报…</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="515"/>
        <source>Report failed: %1</source>
        <translation>日报生成失败：%1</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="517"/>
        <source>Report written: %1</source>
        <translation>日报已保存：%1</translation>
    </message>
</context>
<context>
    <name>Levels</name>
    <message>
        <location filename="../../counter/screen/words.py" line="18"/>
        <source>The hall is very busy. Top-up, bill payment and bill queries: please use the self-service kiosk or the app. Non-urgent business may have to wait for another day.</source>
        <translation>当前客流高峰。充值、缴费、话费查询请使用自助终端或手机营业厅；非紧急业务建议改日办理。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="24"/>
        <source>The hall is busy. Top-up, bill payment and bill queries are quicker at the self-service kiosk or in the app.</source>
        <translation>当前客流较多。充值、缴费、话费查询请使用自助终端或手机营业厅，更快捷。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="29"/>
        <source>Welcome. Please wait for your number to be called.</source>
        <translation>欢迎光临，请留意叫号。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="34"/>
        <source>Level 2 alert</source>
        <translation>二级应急</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="36"/>
        <source>Level 1 alert</source>
        <translation>一级应急</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="37"/>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="48"/>
        <source>All of level 1, and: open every counter, call in back-up staff, restrict non-urgent business.</source>
        <translation>执行一级全部措施，并开放全部台席、调集后备人员、限制非紧急业务。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="54"/>
        <source>Forced diversion: guides steer simple business to self-service and e-channels; open standby counters.</source>
        <translation>强制分流：导服引导简单业务到自助终端和电子渠道；开放备用台席。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="59"/>
        <source>Routine diversion; no action needed.</source>
        <translation>常态分流，无需额外措施。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="64"/>
        <source>open</source>
        <translation>开放</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="66"/>
        <source>paused</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="67"/>
        <source>closed</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../counter/screen/monitor.py" line="95"/>
        <source>Staff id</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="96"/>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="98"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="102"/>
        <source>Shift lead&apos;s monitor</source>
        <translation>值班长监控屏</translation>
    </message>
</context>
<context>
    <name>WarningsPanel</name>
    <message>
        <location filename="../../counter/screen/warnings_panel.py" line="30"/>
        <source>Early warnings now</source>
        <translation>当前预警</translation>
    </message>
    <message>
        <location filename="../../counter/screen/warnings_panel.py" line="36"/>
        <source>Level expected</source>
        <translation>预计级别</translation>
    </message>
    <message>
        <location filename="../../counter/screen/warnings_panel.py" line="37"/>
        <source>Chance</source>
        <translation>可能性</translation>
    </message>
    <message>
        <location filename="../../counter/screen/warnings_panel.py" line="38"/>
        <source>Expected at</source>
        <translation>预计时间</translation>
    </message>
    <message>
        <location filename="../../counter/screen/warnings_panel.py" line="39"/>
        <source>Raised at</source>
        <translation>发出时间</translation>
    </message>
    <message>
        <location filename="../../counter/screen/warnings_panel.py" line="40"/>
        <source>Counters to open</source>
        <translation>建议加开台席</translation>
    </message>
    <message>
        <location filename="../../counter/screen/warnings_panel.py" line="50"/>
        <source>No early warning stands.</source>
        <translation>当前没有预警。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/warnings_panel.py" line="74"/>
        <source>none: keep the counters open now</source>
        <translation>无需加开，保持现有台席</translation>
    </message>
    <message>
        <location filename="../../counter/screen/warnings_panel.py" line="76"/>
        <source>%1 more: none idle, divert customers</source>
        <translation>再开 %1 个：已无空闲台席，请分流客户</translation>
    </message>
    <message>
        <location filename="../../counter/screen/warnings_panel.py" line="80"/>
        <source>%1 more: no. %2</source>
        <translation>再开 %1 个：%2 号</translation>
    </message>
    <message>
        <location filename="../../counter/screen/warnings_panel.py" line="87"/>
        <source>The warning&apos;s record: no business day yet.</source>
        <translation>预警记录：尚无营业日。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/warnings_panel.py" line="90"/>
        <source>Record over %1 business day(s) since %2: warnings raised %3, came true %4, false alarms %5, still open %6; rises of the level %8, unwarned %7.</source>
        <translation>最近 %1 个营业日（%2 起）：发出预警 %3 次，应验 %4 次，误报 %5 次，待验证 %6 次；级别上升 %8 次，其中未获预警 %7 次。</translation>
    </message>
</context>
</TS>
