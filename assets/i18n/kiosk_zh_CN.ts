<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AppointmentPage</name>
    <message>
        <location filename="../../kiosk/pages/appointment.py" line="21" />
        <source>No booking has this code. Please check the text message.</source>
        <translation>没有找到此预约码，请核对预约短信。</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/appointment.py" line="22" />
        <source>This booking has already been checked in.</source>
        <translation>此预约已签到，不能重复使用。</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/appointment.py" line="23" />
        <source>This booking is for another day. Please take a normal ticket.</source>
        <translation>此预约不是今天的，请直接取号。</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/appointment.py" line="25" />
        <source>This code cannot be checked in.</source>
        <translation>此预约码无法签到。</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/appointment.py" line="28" />
        <source>Enter your 6-digit appointment code</source>
        <translation>请输入6位预约码</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/appointment.py" line="29" />
        <source>Check in</source>
        <translation>签到取号</translation>
    </message>
</context>
<context>
    <name>BusinessPage</name>
    <message>
        <location filename="../../kiosk/pages/business.py" line="172" />
        <source>No counter open yet</source>
        <translation>暂无窗口开放</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/pages/business.py" line="173" />
        <location filename="../../kiosk/pages/business.py" line="180" />
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 人等候</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/business.py" line="173" />
        <location filename="../../kiosk/pages/business.py" line="180" />
        <source>No one waiting</source>
        <translation>无人等候</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/business.py" line="179" />
        <source>No counter open</source>
        <translation>暂无窗口</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/business.py" line="183" />
        <source>What would you like to do today?</source>
        <translation>请选择您要办理的业务</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/business.py" line="185" />
        <source>★ VIP customer: you will be served in the green channel</source>
        <translation>★ 尊敬的VIP客户，您将在绿色通道优先办理</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/business.py" line="186" />
        <source>Group customer: you will be served at the group desk</source>
        <translation>集团客户，您将在集团业务专席办理</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/business.py" line="191" />
        <source>Everyday business</source>
        <translation>常规业务</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/business.py" line="192" />
        <source>SIM &amp; accounts</source>
        <translation>卡号与开户</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/business.py" line="193" />
        <source>Phones</source>
        <translation>手机终端</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/business.py" line="194" />
        <source>Companies</source>
        <translation>集团业务</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/business.py" line="196" />
        <source>Green-edged business can also be done at self-service</source>
        <translation>绿框业务也可在自助终端办理</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <location filename="../../kiosk/pages/confirm.py" line="95" />
        <source>Fill in at the counter</source>
        <translation>到柜台填写</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/confirm.py" line="107" />
        <source>Please check, then take your ticket</source>
        <translation>请核对信息后取号</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/confirm.py" line="108" />
        <source>Take my ticket</source>
        <translation>确认取号</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/confirm.py" line="114" />
        <source>Business</source>
        <translation>业务</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/confirm.py" line="115" />
        <source>Queue</source>
        <translation>排队</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/confirm.py" line="118" />
        <source>Mobile number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/confirm.py" line="127" />
        <source>Tap a line to change it</source>
        <translation>点按任一行即可修改</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/confirm.py" line="130" />
        <source>Tip: this business can also be done at a self-service terminal, no queue.</source>
        <translation>提示：此业务也可在自助终端办理，无需排队。</translation>
    </message>
</context>
<context>
    <name>DiversionPage</name>
    <message>
        <location filename="../../kiosk/pages/diversion.py" line="93" />
        <source>I cannot use self-service</source>
        <translation>我无法自助办理</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/diversion.py" line="94" />
        <source>Yes, I cannot: give me a ticket</source>
        <translation>确认无法自助，请给我取号</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/diversion.py" line="95" />
        <source>Ask a guide to help me</source>
        <translation>请工作人员帮我</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/diversion.py" line="97" />
        <location filename="../../kiosk/pages/diversion.py" line="102" />
        <source>The hall is very busy right now</source>
        <translation>当前营业厅客流高峰</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/diversion.py" line="99" />
        <source>You cannot use self-service or the app for %1?</source>
        <translation>您确认无法使用自助终端或手机APP办理「%1」吗？</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/diversion.py" line="103" />
        <source>%1: please use self-service today</source>
        <translation>「%1」请到自助终端办理</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/diversion.py" line="104" />
        <source>OK, I will use self-service</source>
        <translation>好的，我去自助办理</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/diversion.py" line="106" />
        <source>The hall is busy right now</source>
        <translation>当前营业厅人较多</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/diversion.py" line="107" />
        <source>%1 is quicker at self-service</source>
        <translation>「%1」自助办理更快捷</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/diversion.py" line="108" />
        <source>Use self-service (no waiting)</source>
        <translation>去自助办理（无需排队）</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/diversion.py" line="111" />
        <source>Self-service terminals are to the left of the entrance, or use the China Mobile app. A guide will gladly help you.</source>
        <translation>自助终端在入口左侧，也可使用中国移动APP办理。大堂引导员可以协助您。</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/diversion.py" line="115" />
        <source>Take a ticket anyway</source>
        <translation>仍要取号</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/diversion.py" line="118" />
        <source>With a ticket: no counter is open yet</source>
        <translation>如取号：暂无窗口开放</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/pages/diversion.py" line="122" />
        <source>With a ticket: %n waiting before you, %1</source>
        <translation>
            <numerusform>如取号：前面 %n 人，%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../kiosk/window.py" line="293" />
        <source>‹ Back</source>
        <translation>‹ 上一步</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="294" />
        <source>⌂ Start again</source>
        <translation>⌂ 返回首页</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="281" />
        <location filename="../../kiosk/window.py" line="299" />
        <source>Call staff</source>
        <translation>呼叫工作人员</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="299" />
        <location filename="../../kiosk/window.py" line="354" />
        <source>✓ Staff called</source>
        <translation>✓ 已呼叫</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="302" />
        <location filename="../../kiosk/window.py" line="356" />
        <source>A member of staff is on the way. Please wait here.</source>
        <translation>已通知工作人员，马上过来，请在此稍候。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="337" />
        <source>Voice off</source>
        <translation>关闭语音</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="337" />
        <source>Voice</source>
        <translation>语音</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="340" />
        <source>Usual text</source>
        <translation>标准字</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="340" />
        <source>Large text</source>
        <translation>大字</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="367" />
        <source>Calling staff did not work (%1). Please ask at the service desk.</source>
        <translation>呼叫工作人员未成功（%1），请到服务台咨询。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/window.py" line="382" />
        <source>Back to start in %n s</source>
        <translation>
            <numerusform>%n 秒后返回首页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="421" />
        <source>No ticket of today was found. Please check, or ask a guide.</source>
        <translation>没有找到您今天的号票，请核对后重试，或咨询大堂引导员。</translation>
    </message>
</context>
<context>
    <name>NumberEntry</name>
    <message>
        <location filename="../../kiosk/pages/keypad.py" line="57" />
        <source>✓ Tap Confirm</source>
        <translation>✓ 请点击确认</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/pages/keypad.py" line="74" />
        <source>%n more digit(s) to enter</source>
        <translation>
            <numerusform>还需输入 %n 位</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhonePage</name>
    <message>
        <location filename="../../kiosk/pages/keypad.py" line="88" />
        <source>This is not a mobile number: it starts with 13 to 19</source>
        <translation>手机号码有误，应以13至19开头</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/keypad.py" line="92" />
        <source>Enter your mobile number</source>
        <translation>请输入您的手机号码</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/keypad.py" line="93" />
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
</context>
<context>
    <name>ReprintPage</name>
    <message>
        <location filename="../../kiosk/pages/reprint.py" line="38" />
        <source>Reprint today's ticket</source>
        <translation>补打今天的号票</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/reprint.py" line="40" />
        <source>Find your ticket by the mobile number or appointment code it was taken with</source>
        <translation>用取号时输入的手机号或预约码查找您的号票</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/reprint.py" line="42" />
        <source>By mobile number</source>
        <translation>用手机号查找</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/reprint.py" line="43" />
        <source>By appointment code</source>
        <translation>用预约码查找</translation>
    </message>
</context>
<context>
    <name>ServerKiosk</name>
    <message>
        <location filename="../../kiosk/sources.py" line="289" />
        <source>The hall server cannot be reached; nothing was done. Please try again.</source>
        <translation>暂时连接不上营业厅服务器，本次未办理，请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../kiosk/sources.py" line="291" />
        <source>The system is busy and nothing was saved. Please try again.</source>
        <translation>系统繁忙，未能保存，请重试。</translation>
    </message>
    <message>
        <location filename="../../kiosk/sources.py" line="292" />
        <source>This cannot be done here. Please ask a member of staff.</source>
        <translation>此处无法办理，请咨询大堂工作人员。</translation>
    </message>
</context>
<context>
    <name>SlipPage</name>
    <message>
        <location filename="../../kiosk/pages/slip.py" line="152" />
        <source>✓ Name and ID number read from your ID card</source>
        <translation>✓ 已从身份证读取姓名和身份证号</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/slip.py" line="161" />
        <location filename="../../kiosk/pages/slip.py" line="163" />
        <source>the reader's answer was damaged</source>
        <translation>读卡器传回的数据有误</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/slip.py" line="162" />
        <source>the reader's answer was incomplete</source>
        <translation>读卡器传回的数据不完整</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/slip.py" line="164" />
        <source>the reader could not read the card</source>
        <translation>读卡器无法读取此卡</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/slip.py" line="165" />
        <source>the card's details are not valid</source>
        <translation>证件信息无效</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/slip.py" line="166" />
        <source>the reader does not answer</source>
        <translation>读卡器无响应</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/slip.py" line="169" />
        <source>The ID card was not read (%1). Please lift it and lay it again.</source>
        <translation>未能读取身份证（%1），请拿起后重新放置。</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/slip.py" line="259" />
        <location filename="../../kiosk/pages/slip.py" line="293" />
        <location filename="../../kiosk/pages/slip.py" line="387" />
        <source>Fill in at the counter</source>
        <translation>到柜台填写</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/slip.py" line="314" />
        <source>Please fill this in</source>
        <translation>此项必须填写</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/slip.py" line="317" />
        <source>Please type the name in Chinese characters, as on the ID card</source>
        <translation>请用汉字填写姓名，与身份证一致</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/slip.py" line="319" />
        <source>Please type the whole name</source>
        <translation>请填写完整姓名</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/slip.py" line="320" />
        <source>A middle dot · goes only between the parts of a name</source>
        <translation>间隔号 · 只能用在姓名的两部分之间</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/pages/slip.py" line="322" />
        <source>%n more character(s) to enter</source>
        <translation>
            <numerusform>还需输入 %n 位</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/slip.py" line="324" />
        <source>This is not a mobile number: it starts with 13 to 19</source>
        <translation>手机号码有误，应以13至19开头</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/slip.py" line="328" />
        <source>The date of birth in this ID number is not a real date</source>
        <translation>身份证号码中的出生日期有误</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/slip.py" line="331" />
        <source>This ID number is not right (the last digit does not match). Please check each digit.</source>
        <translation>身份证号码有误（校验位不符），请逐位核对。</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/slip.py" line="334" />
        <source>An ID number is 17 digits and a last digit or X</source>
        <translation>身份证号码为17位数字加最后一位数字或X</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/slip.py" line="351" />
        <source>Tap the character you mean (‹ › for more)</source>
        <translation>请点选要输入的字（‹ › 翻页找更多）</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/slip.py" line="353" />
        <source>No character is read like this: erase a letter</source>
        <translation>没有这样拼写的字，请删掉一个字母</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/slip.py" line="355" />
        <source>✓ Looks right</source>
        <translation>✓ 填写正确</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/slip.py" line="378" />
        <source>Item %1 of %2</source>
        <translation>第 %1 项，共 %2 项</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/slip.py" line="384" />
        <source>(optional)</source>
        <translation>（选填）</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/slip.py" line="386" />
        <source>Previous item</source>
        <translation>上一项</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/slip.py" line="389" />
        <source>Or lay your ID card on the reader: name and number at once</source>
        <translation>或将身份证放在读卡区，姓名和证件号一次填好</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/slip.py" line="398" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/slip.py" line="398" />
        <source>Next item</source>
        <translation>下一项</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../kiosk/pages/start.py" line="47" />
        <source>Welcome</source>
        <translation>欢迎光临</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/start.py" line="48" />
        <source>Tap the big button to take a queue ticket</source>
        <translation>请点击下方大按钮取号</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/start.py" line="49" />
        <source>Take a ticket</source>
        <translation>取号</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/start.py" line="50" />
        <source>VIP or group customer?
Enter your mobile number</source>
        <translation>VIP或集团客户
请输入手机号取号</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/start.py" line="51" />
        <source>Booked by phone?
Check in here</source>
        <translation>已电话预约
请在此签到</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/start.py" line="52" />
        <source>Lost your ticket? Reprint today's ticket</source>
        <translation>号票丢了？补打今天的号票</translation>
    </message>
</context>
<context>
    <name>TicketPage</name>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="91" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="95" />
        <source>Your number</source>
        <translation>您的号码</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="100" />
        <source>Printing your ticket…</source>
        <translation>正在打印号票…</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="101" />
        <source>Please take your ticket below</source>
        <translation>请在下方取走您的号票</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="102" />
        <source>The printer is not working. Please remember your number: %1</source>
        <translation>打印机暂时故障，请记住您的号码：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="103" />
        <source>Please remember your number: %1</source>
        <translation>请记住您的号码：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="110" />
        <source>Business</source>
        <translation>业务</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="111" />
        <source>People ahead</source>
        <translation>前面等候</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="112" />
        <source>Estimated wait</source>
        <translation>预计等候</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="115" />
        <source>Time</source>
        <translation>取号时间</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="117" />
        <source>Mobile number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="121" />
        <source>Please wait in the seating area and watch the screen. If you miss your number, please take a new ticket.</source>
        <translation>请在等候区就座，留意叫号屏幕和语音广播。过号请重新取号。</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="126" />
        <source>Show the slip with the QR code at the counter.</source>
        <translation>请在窗口出示带二维码的预处理单。</translation>
    </message>
    <message>
        <location filename="../../kiosk/pages/ticket.py" line="129" />
        <source>Your form is saved: at the counter, just tell the clerk your number.</source>
        <translation>您填写的信息已保存，到窗口告诉业务员您的号码即可。</translation>
    </message>
</context>
</TS>