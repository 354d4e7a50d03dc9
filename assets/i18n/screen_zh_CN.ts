<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CallingBoard</name>
    <message>
        <location filename="../../counter/screen/board.py" line="51" />
        <source>Calling board</source>
        <translation>叫号屏</translation>
    </message>
    <message>
        <location filename="../../counter/screen/board.py" line="88" />
        <source>Now calling</source>
        <translation>正在叫号</translation>
    </message>
    <message>
        <location filename="../../counter/screen/board.py" line="95" />
        <source>Being served</source>
        <translation>正在办理</translation>
    </message>
    <message>
        <location filename="../../counter/screen/board.py" line="104" />
        <source>Last calls</source>
        <translation>最近叫号</translation>
    </message>
    <message>
        <location filename="../../counter/screen/board.py" line="176" />
        <source>Counter %1</source>
        <translation>%1 号窗口</translation>
    </message>
    <message>
        <location filename="../../counter/screen/board.py" line="204" />
        <source>%1
%2 waiting</source>
        <translation>%1
等候 %2 人</translation>
    </message>
</context>
<context>
    <name>Figures</name>
    <message>
        <location filename="../../counter/screen/tables.py" line="123" />
        <source>Share of routine business finished within the three-minute norm</source>
        <translation>常规业务在三分钟内受理完成的比例</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="127" />
        <source>Clerk</source>
        <translation>营业员</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="128" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="129" />
        <source>Called</source>
        <translation>叫号</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="130" />
        <source>Handled</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="131" />
        <source>No-shows</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="132" />
        <source>Transfers</source>
        <translation>转移</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="133" />
        <source>Mean wait</source>
        <translation>平均等候</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="134" />
        <source>Mean handling</source>
        <translation>平均办理</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="135" />
        <source>P90 handling</source>
        <translation>办理时长P90</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="137" />
        <source>Within norm</source>
        <translation>三分钟达标</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="143" />
        <source>Rated</source>
        <translation>评价数</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="144" />
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="145" />
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="147" />
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="149" />
        <source>Points</source>
        <translation>满意积分</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="150" />
        <source>Recommended</source>
        <translation>推荐</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="151" />
        <source>Accepted</source>
        <translation>推荐成功</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="152" />
        <source>Signed</source>
        <translation>电子签名率</translation>
    </message>
    <message>
        <location filename="../../counter/screen/tables.py" line="153" />
        <source>Busy</source>
        <translation>利用率</translation>
    </message>
</context>
<context>
    <name>LeadMonitor</name>
    <message>
        <location filename="../../counter/screen/monitor.py" line="136" />
        <source>Shift lead's monitor</source>
        <translation>值班长监控屏</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="180" />
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="172" />
        <source>Only a shift lead or an administrator opens the monitor.</source>
        <translation>只有值班长或管理员可以打开监控屏。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="185" />
        <source>Floor</source>
        <translation>厅堂</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="186" />
        <source>Clerks</source>
        <translation>营业员</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="187" />
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="198" />
        <source>Acknowledge</source>
        <translation>确认预警</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="201" />
        <source>Day report…</source>
        <translation>营业日报…</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="220" />
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="221" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="222" />
        <location filename="../../counter/screen/monitor.py" line="243" />
        <location filename="../../counter/screen/monitor.py" line="401" />
        <source>Waiting</source>
        <translation>等候</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="223" />
        <source>Longest wait</source>
        <translation>最长等候</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="228" />
        <source>Counter</source>
        <translation>台席</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="229" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="230" />
        <source>Pause reason</source>
        <translation>暂停原因</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="232" />
        <location filename="../../counter/screen/monitor.py" line="290" />
        <source>Clerk</source>
        <translation>营业员</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="234" />
        <source>Queues</source>
        <translation>服务队列</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="235" />
        <source>Serving</source>
        <translation>当前号码</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="236" />
        <source>For</source>
        <translation>已用时</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="241" />
        <location filename="../../counter/screen/monitor.py" line="251" />
        <location filename="../../counter/screen/monitor.py" line="264" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="242" />
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="244" />
        <source>Open</source>
        <translation>开放台席</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="245" />
        <source>Acknowledged by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="246" />
        <source>At</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="252" />
        <source>Level expected</source>
        <translation>预计级别</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="253" />
        <source>Expected at</source>
        <translation>预计时间</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="254" />
        <source>Open more</source>
        <translation>需加开</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="256" />
        <source>Arrivals / served per hour</source>
        <translation>每小时到达 / 办结</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="259" />
        <source>Withdrawn</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="265" />
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="266" />
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="267" />
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="273" />
        <source>Waiting per queue</source>
        <translation>各队列等候</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="274" />
        <source>Counters</source>
        <translation>台席</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="275" />
        <source>Alert levels today</source>
        <translation>今日预警记录</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="276" />
        <source>Early warnings</source>
        <translation>预警预报</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="277" />
        <source>Incidents</source>
        <translation>设备故障</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="291" />
        <source>Handled</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="292" />
        <source>Sales</source>
        <translation>营销</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="293" />
        <source>Volume</source>
        <translation>业务量</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="294" />
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="295" />
        <source>Quality</source>
        <translation>服务质量</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="296" />
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="297" />
        <source>Out of</source>
        <translation>满分</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="302" />
        <source>Clerk figures today</source>
        <translation>今日营业员业绩</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="305" />
        <source>Performance sheet (measurable parts)</source>
        <translation>绩效表（可计量部分）</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="365" />
        <source>%1 · %2 waiting ÷ %3 open counters = %4 (thresholds %5 / %6)</source>
        <translation>%1 · 等候 %2 人 ÷ 开放台席 %3 个 = %4（阈值 %5 / %6）</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="425" />
        <source>Nothing to acknowledge: business day %1 is not today.</source>
        <translation>无需确认：%1 不是今天的营业日。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="429" />
        <source>No rise of level today.</source>
        <translation>今日预警级别未升高。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="432" />
        <source>Rise to %1 at %2 acknowledged by %3 at %4.</source>
        <translation>%2 升至%1，已由 %3 于 %4 确认。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="440" />
        <source>Rise to %1 at %2 not yet acknowledged.</source>
        <translation>%2 升至%1，尚未确认。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="396" />
        <source>Arrivals and finishes per half hour</source>
        <translation>每半小时到达与办结</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="398" />
        <source>Arrivals</source>
        <translation>到达</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="398" />
        <source>Finished</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="401" />
        <source>Customers waiting</source>
        <translation>等候人数</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="406" />
        <source>Handling time per clerk (minutes)</source>
        <translation>各营业员办理时长分布（分钟）</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="430" />
        <source>Folder for the day report</source>
        <translation>选择日报保存位置</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="439" />
        <source>Writing the report…</source>
        <translation>正在生成日报…</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="448" />
        <source>Report failed: %1</source>
        <translation>日报生成失败：%1</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="450" />
        <source>Report written: %1</source>
        <translation>日报已保存：%1</translation>
    </message>
</context>
<context>
    <name>Levels</name>
    <message>
        <location filename="../../counter/screen/words.py" line="16" />
        <source>The hall is very busy. Top-up, bill payment and bill queries: please use the self-service kiosk or the app. Non-urgent business may have to wait for another day.</source>
        <translation>当前客流高峰。充值、缴费、话费查询请使用自助终端或手机营业厅；非紧急业务建议改日办理。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="22" />
        <source>The hall is busy. Top-up, bill payment and bill queries are quicker at the self-service kiosk or in the app.</source>
        <translation>当前客流较多。充值、缴费、话费查询请使用自助终端或手机营业厅，更快捷。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="27" />
        <source>Welcome. Please wait for your number to be called.</source>
        <translation>欢迎光临，请留意叫号。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="32" />
        <source>Level 2 alert</source>
        <translation>二级应急</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="34" />
        <source>Level 1 alert</source>
        <translation>一级应急</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="35" />
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="41" />
        <source>All of level 1, and: open every counter, call in back-up staff, restrict non-urgent business.</source>
        <translation>执行一级全部措施，并开放全部台席、调集后备人员、限制非紧急业务。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="47" />
        <source>Forced diversion: guides steer simple business to self-service and e-channels; open standby counters.</source>
        <translation>强制分流：导服引导简单业务到自助终端和电子渠道；开放备用台席。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="52" />
        <source>Routine diversion; no action needed.</source>
        <translation>常态分流，无需额外措施。</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="57" />
        <source>open</source>
        <translation>开放</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="59" />
        <source>paused</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../counter/screen/words.py" line="60" />
        <source>closed</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../counter/screen/monitor.py" line="84" />
        <source>Staff id</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="85" />
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="87" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../counter/screen/monitor.py" line="91" />
        <source>Shift lead's monitor</source>
        <translation>值班长监控屏</translation>
    </message>
</context>
</TS>