<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Codes</name>
    <message>
        <source>Accepted</source>
        <translation>已办理</translation>
    </message>
    <message>
        <source>Already has it</source>
        <translation>客户已办理</translation>
    </message>
    <message>
        <source>Asked by the shift lead or floor guide</source>
        <translation>值班长或大堂引导要求</translation>
    </message>
    <message>
        <source>Back with missing documents</source>
        <translation>补齐材料后返回</translation>
    </message>
    <message>
        <source>Booked customer on time</source>
        <translation>预约客户准时到达</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>休息</translation>
    </message>
    <message>
        <source>Cancelled by the customer</source>
        <translation>客户取消</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Customer asked for help</source>
        <translation>顾客请求协助</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>婉拒</translation>
    </message>
    <message>
        <source>Declined to sign</source>
        <translation>拒绝签名</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Dissatisfied rating</source>
        <translation>不满意评价</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>政企</translation>
    </message>
    <message>
        <source>In a hurry</source>
        <translation>客户赶时间</translation>
    </message>
    <message>
        <source>Lunch</source>
        <translation>午餐</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>开会</translation>
    </message>
    <message>
        <source>Needs follow-up</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Not offered</source>
        <translation>未推荐</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <source>Not suitable</source>
        <translation>不适合该客户</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>已推荐</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>其他原因</translation>
    </message>
    <message>
        <source>Priority care (elderly, disabled, pregnant)</source>
        <translation>优先照顾（老人、残障、孕妇）</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Ticket printer fault</source>
        <translation>取号机打印故障</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Upset or complaining</source>
        <translation>客户情绪不佳或来投诉</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>long wait</source>
        <translation>等候久</translation>
    </message>
    <message>
        <source>manner</source>
        <translation>态度</translation>
    </message>
    <message>
        <source>not explained</source>
        <translation>解释不清</translation>
    </message>
    <message>
        <source>not solved</source>
        <translation>未解决</translation>
    </message>
    <message>
        <source>open</source>
        <translation>开放</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>slow service</source>
        <translation>办理慢</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <source>%1 is already at counter %2</source>
        <translation>%1 已在 %2 号窗口</translation>
    </message>
    <message>
        <source>%1 is already rated</source>
        <translation>%1 已评价</translation>
    </message>
    <message>
        <source>%1 is locked until %2 after wrong PINs</source>
        <translation>%1 因多次输错 PIN 已锁定至 %2</translation>
    </message>
    <message>
        <source>%1 is not waiting today</source>
        <translation>%1 今天不在等候中</translation>
    </message>
    <message>
        <source>%1 was sent to wait for another counter</source>
        <translation>%1 已转给其他窗口等候</translation>
    </message>
    <message>
        <source>Another counter called this ticket: call again</source>
        <translation>该号码已被其他窗口呼叫，请重新叫号</translation>
    </message>
    <message>
        <source>Counter %1 does not serve queue %2 (%3)</source>
        <translation>%1 号窗口不办理 %2 队列（%3）</translation>
    </message>
    <message>
        <source>Counter %1 has no called ticket</source>
        <translation>%1 号窗口没有已呼叫的号码</translation>
    </message>
    <message>
        <source>Counter %1 is %2 and cannot close</source>
        <translation>%1 号窗口当前为%2，不能关闭</translation>
    </message>
    <message>
        <source>Counter %1 is %2 and cannot pause</source>
        <translation>%1 号窗口当前为%2，不能暂停</translation>
    </message>
    <message>
        <source>Counter %1 is %2 and cannot resume</source>
        <translation>%1 号窗口当前为%2，不能恢复</translation>
    </message>
    <message>
        <source>Counter %1 is already %2</source>
        <translation>%1 号窗口已是%2状态</translation>
    </message>
    <message>
        <source>Counter %1 is closed: choose an open counter</source>
        <translation>%1 号窗口已关闭：请选择开放的窗口</translation>
    </message>
    <message>
        <source>Counter %1 is not open</source>
        <translation>%1 号窗口未开放</translation>
    </message>
    <message>
        <source>Counter %1 is not open: open or resume it to call</source>
        <translation>%1 号窗口未开放：请先开放或恢复再叫号</translation>
    </message>
    <message>
        <source>Counter %1 is still serving %2: finish it first</source>
        <translation>%1 号窗口仍在办理 %2：请先办结</translation>
    </message>
    <message>
        <source>Only a shift lead or an administrator confirms a crowding alert</source>
        <translation>只有值班长或管理员可以确认应急</translation>
    </message>
    <message>
        <source>Queue %1 has issued all %2 numbers for today</source>
        <translation>%1 队列今天的 %2 个号码已全部发出</translation>
    </message>
    <message>
        <source>Unknown staff ID or wrong PIN</source>
        <translation>工号不存在或 PIN 错误</translation>
    </message>
    <message>
        <source>Wrong PIN: %1 is now locked for %2 minutes</source>
        <translation>PIN 错误：%1 已锁定 %2 分钟</translation>
    </message>
    <message>
        <source> (and %1 more)</source>
        <translation>（另有 %1 处）</translation>
    </message>
    <message>
        <source>%1 is at counter %2; close it first</source>
        <translation>%1 正在 %2 号窗口，请先关闭该窗口</translation>
    </message>
    <message>
        <source>%1 is not a shift lead or an administrator</source>
        <translation>%1 不是值班主管或系统管理员，无权操作</translation>
    </message>
    <message>
        <source>%1 is not an administrator</source>
        <translation>%1 不是系统管理员，无权使用</translation>
    </message>
    <message>
        <source>%1 is not on this list</source>
        <translation>%1 不在此名单中</translation>
    </message>
    <message>
        <source>%1 may not do this</source>
        <translation>%1 无权执行此操作</translation>
    </message>
    <message>
        <source>%1 must be %2, not %3</source>
        <translation>%1 须为%2，不能是 %3</translation>
    </message>
    <message>
        <source>%1 must be from %2 to %3</source>
        <translation>%1 须在 %2 至 %3 之间</translation>
    </message>
    <message>
        <source>%1: %2 lines refused, nothing imported: %3</source>
        <translation>%1：%2 行被拒，未导入任何号码：%3</translation>
    </message>
    <message>
        <source>A PIN is %1 to %2 digits</source>
        <translation>密码为 %1 至 %2 位数字</translation>
    </message>
    <message>
        <source>A counter serves at least one queue, each listed once</source>
        <translation>窗口至少服务一个队列，每个队列只列一次</translation>
    </message>
    <message>
        <source>A device name is 1 to 40 lowercase letters, digits and '-' (kiosk-1)</source>
        <translation>设备名为 1 至 40 个小写字母、数字和“-”（如 kiosk-1）</translation>
    </message>
    <message>
        <source>A device named %1 is already enrolled; revoke it first</source>
        <translation>名为 %1 的设备已登记，请先吊销</translation>
    </message>
    <message>
        <source>A name is 1 to %1 characters</source>
        <translation>姓名为 1 至 %1 个字符</translation>
    </message>
    <message>
        <source>Counter %1 already exists</source>
        <translation>%1 号窗口已存在</translation>
    </message>
    <message>
        <source>Staff ID %1 is already taken</source>
        <translation>工号 %1 已被使用</translation>
    </message>
    <message>
        <source>There is no queue %1</source>
        <translation>没有队列 %1</translation>
    </message>
    <message>
        <source>You cannot change your own role</source>
        <translation>不能更改自己的角色</translation>
    </message>
    <message>
        <source>You cannot disable yourself</source>
        <translation>不能停用自己</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>line %1: %2 columns; this list has at most %3</source>
        <translation>第 %1 行：%2 列，此名单至多 %3 列</translation>
    </message>
    <message>
        <source>line %1: %2 repeats line %3</source>
        <translation>第 %1 行：%2 与第 %3 行重复</translation>
    </message>
    <message>
        <source>line %1: '%2' is not a mobile number</source>
        <translation>第 %1 行：“%2”不是手机号码</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>A staff ID is 1 to %1 characters</source>
        <translation>工号为 1 至 %1 个字符</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>%1 is at counter %2, not counter %3</source>
        <translation>%1 在 %2 号窗口，不是 %3 号窗口</translation>
    </message>
    <message>
        <source>%1 is at no counter, not counter %3</source>
        <translation>%1 未在任何窗口，不是 %3 号窗口</translation>
    </message>
</context>
</TS>