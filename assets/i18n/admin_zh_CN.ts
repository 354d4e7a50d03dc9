<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AdminWindow</name>
    <message>
        <location filename="../../counter/admin/window.py" line="53" />
        <source>Import a list</source>
        <translation>导入名单</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="55" />
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="123" />
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="140" />
        <location filename="../../counter/admin/window.py" line="270" />
        <location filename="../../counter/admin/window.py" line="305" />
        <source>Staff ID</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="147" />
        <source>For the hall's administrator only.</source>
        <translation>仅限营业厅系统管理员使用。</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="189" />
        <source>hallq administration</source>
        <translation>营业厅系统管理</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="216" />
        <source>Signed in: %1 (%2)</source>
        <translation>已登录：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="248" />
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="251" />
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="252" />
        <source>Counters</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="253" />
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="254" />
        <source>Settings</source>
        <translation>参数设置</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="255" />
        <source>Special lists</source>
        <translation>特殊名单</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="256" />
        <source>Businesses</source>
        <translation>业务</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="327" />
        <location filename="../../counter/admin/window.py" line="360" />
        <location filename="../../counter/admin/window.py" line="371" />
        <location filename="../../counter/admin/window.py" line="408" />
        <location filename="../../counter/admin/window.py" line="502" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="272" />
        <location filename="../../counter/admin/window.py" line="293" />
        <location filename="../../counter/admin/window.py" line="309" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="271" />
        <location filename="../../counter/admin/window.py" line="307" />
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="273" />
        <source>Sign-in</source>
        <translation>登录状态</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="283" />
        <source>new PIN</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="286" />
        <source>The chosen member of staff:</source>
        <translation>所选员工：</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="289" />
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="290" />
        <source>New PIN</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="292" />
        <source>Set the PIN</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="296" />
        <source>Change the role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="301" />
        <source>A new member of staff (signs in once given a PIN):</source>
        <translation>新增员工（设置密码后方可登录）：</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="311" />
        <location filename="../../counter/admin/window.py" line="362" />
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="326" />
        <location filename="../../counter/admin/window.py" line="412" />
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="328" />
        <source>Queues served (calling order)</source>
        <translation>服务队列（叫号顺序）</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="329" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="334" />
        <source>e.g. VAB</source>
        <translation>例如 VAB</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="341" />
        <source>The chosen counter serves, from its next opening:</source>
        <translation>所选窗口下次开启起服务的队列：</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="347" />
        <source>Change the queues</source>
        <translation>更改队列</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="353" />
        <source>A new counter:</source>
        <translation>新增窗口：</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="356" />
        <location filename="../../counter/admin/window.py" line="469" />
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="358" />
        <source>Queues</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="372" />
        <location filename="../../counter/admin/window.py" line="410" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="373" />
        <source>Faces counter</source>
        <translation>对应窗口</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="374" />
        <source>Enrolled</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="375" />
        <source>Revoked</source>
        <translation>吊销时间</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="380" />
        <source>e.g. kiosk-2</source>
        <translation>例如 kiosk-2</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="383" />
        <source>Kiosk</source>
        <translation>取号机</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="384" />
        <source>Calling board</source>
        <translation>叫号屏</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="385" />
        <source>Customer screen</source>
        <translation>客户评价屏</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="392" />
        <source>The new device's key is shown here once.</source>
        <translation>新设备的密钥只在此显示一次。</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="399" />
        <source>Revoke the chosen device</source>
        <translation>吊销所选设备</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="405" />
        <source>Enrol a device:</source>
        <translation>登记设备：</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="414" />
        <source>Enrol</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="419" />
        <source>Key (shown once; copy it to the device now)</source>
        <translation>密钥（只显示一次，请立即复制到设备）</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="430" />
        <source>Setting</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="431" />
        <source>Value</source>
        <translation>当前值</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="432" />
        <source>Default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="433" />
        <source>Bounds</source>
        <translation>取值范围</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="434" />
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="449" />
        <source>New value of the chosen setting</source>
        <translation>所选参数的新值</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="451" />
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="460" />
        <source>Blacklist</source>
        <translation>黑名单</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="461" />
        <source>Greylist</source>
        <translation>灰名单</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="462" />
        <source>Do not disturb</source>
        <translation>免打扰</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="463" />
        <source>Sensitive complaint</source>
        <translation>敏感投诉</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="469" />
        <source>Added</source>
        <translation>加入时间</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="474" />
        <source>List</source>
        <translation>名单</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="476" />
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="478" />
        <source>Remove the chosen number</source>
        <translation>移除所选号码</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="487" />
        <source>A CSV file of numbers, one a line; any refused line refuses the whole file, and nothing is imported.</source>
        <translation>CSV 文件，每行一个号码；任何一行被拒，整个文件被拒，不导入任何号码。</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="501" />
        <source>Key</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="503" />
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="504" />
        <source>Self-service</source>
        <translation>可自助办理</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="505" />
        <source>Slip fields</source>
        <translation>填单栏目</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="506" />
        <source>Form fields</source>
        <translation>业务单栏目</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="513" />
        <source>The businesses and their fields change with `hallq hall load`.</source>
        <translation>业务及其栏目通过 `hallq hall load` 修改。</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="550" />
        <source>Can sign in</source>
        <translation>可登录</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="552" />
        <source>Disabled (no PIN)</source>
        <translation>已停用（无密码）</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="592" />
        <source>yes or no</source>
        <translation>是或否</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="603" />
        <source>Yes (1)</source>
        <translation>是 (1)</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="603" />
        <source>No (0)</source>
        <translation>否 (0)</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="614" />
        <source>Numbers on each list: </source>
        <translation>各名单号码数：</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="636" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="638" />
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="651" />
        <source>Not done: %1</source>
        <translation>未执行：%1</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="672" />
        <source>choose %1 in the list first</source>
        <translation>请先在列表中选择%1</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="677" />
        <location filename="../../counter/admin/window.py" line="689" />
        <location filename="../../counter/admin/window.py" line="701" />
        <source>a member of staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="682" />
        <source>%1 is disabled: cannot sign in until given a new PIN</source>
        <translation>%1 已停用：设置新密码前无法登录</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="696" />
        <source>%1 has a new PIN</source>
        <translation>%1 的新密码已设置</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="707" />
        <source>%1 is now: %2</source>
        <translation>%1 现为：%2</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="721" />
        <source>%1 added; give them a PIN to sign in</source>
        <translation>已新增 %1；设置密码后方可登录</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="731" />
        <source>a counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="737" />
        <source>Counter %1 serves %2 from its next opening</source>
        <translation>%1 号窗口下次开启起服务队列 %2</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="751" />
        <source>Counter %1 added</source>
        <translation>已新增 %1 号窗口</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="774" />
        <source>%1 enrolled; its key is shown once, below</source>
        <translation>%1 已登记；密钥只在下方显示一次</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="782" />
        <source>a device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="785" />
        <source>%1 revoked</source>
        <translation>%1 已吊销</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="795" />
        <source>a setting</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="801" />
        <source>%1 is now %2</source>
        <translation>%1 已改为 %2</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="817" />
        <source>%1: %2 rows, %3 added, %4 already on the list</source>
        <translation>%1：共 %2 行，新增 %3 个，已在名单中 %4 个</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="833" />
        <source>a number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../counter/admin/window.py" line="837" />
        <source>%1 taken off the list</source>
        <translation>%1 已移出名单</translation>
    </message>
</context>
<context>
    <name>AdminWords</name>
    <message>
        <location filename="../../counter/admin/words.py" line="16" />
        <source>Waiting customers per open counter at which level 1 starts.</source>
        <translation>每个开启窗口的等候人数达到此值时启动一级应急。</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="19" />
        <source>Waiting customers per open counter at which level 2 starts.</source>
        <translation>每个开启窗口的等候人数达到此值时启动二级应急。</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="22" />
        <source>How far below its threshold a level reached holds, so one call does not make it flap.</source>
        <translation>回差：应急级别在低于阈值多少以内仍保持，避免一次叫号就来回切换。</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="26" />
        <source>The three-minute norm for routine business, in seconds.</source>
        <translation>常规业务的三分钟业务受理标准（秒）。</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="29" />
        <source>Call a ticket waiting longer than its queue's target before new green-channel tickets.</source>
        <translation>等候超过本队列目标时长的号先于新的绿色通道号叫号。</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="33" />
        <source>At most this many green-channel calls in a row at a counter while others wait (0: off).</source>
        <translation>有其他客户等候时，一个窗口最多连续叫绿色通道号的次数（0：不限）。</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="37" />
        <source>The queue VIP customers join (green channel).</source>
        <translation>VIP 客户进入的队列（绿色通道）。</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="38" />
        <source>The queue group customers join.</source>
        <translation>集团客户进入的队列。</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="39" />
        <source>A checked-in appointment joins the green channel (else its business's own queue).</source>
        <translation>已签到的预约进入绿色通道（否则进入其业务的队列）。</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="43" />
        <source>Seconds without a touch before the kiosk returns to its start screen.</source>
        <translation>取号机无人操作多少秒后回到首页。</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="46" />
        <source>At level 2 the kiosk issues no ticket for business self-service can do.</source>
        <translation>二级应急时，取号机不为可自助办理的业务出号。</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="49" />
        <source>Kiosk printer: pdf (files only), none, file:PATH, usb:VENDOR:PRODUCT, network:HOST[:PORT].</source>
        <translation>取号机打印机：pdf（仅文件）、none、file:路径、usb:厂商:产品、network:主机[:端口]。</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="53" />
        <source>The folder a file: printer may write in, besides printer devices ("": none).</source>
        <translation>file: 打印机除打印设备外可写入的文件夹（""：无）。</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="56" />
        <source>Seconds the customer-facing screen waits for a rating before it closes.</source>
        <translation>客户评价屏等待评价的秒数，超时关闭。</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="59" />
        <source>Days after which personal fields of old tickets, slips and forms are erased.</source>
        <translation>旧号票、填单和业务单的个人信息保留天数，过后清除。</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="62" />
        <source>Performance sheet: points for sales in service, of the published 100.</source>
        <translation>考核表：新业务推荐的分值（满分 100）。</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="66" />
        <source>Performance sheet: points for business volume.</source>
        <translation>考核表：业务量的分值。</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="67" />
        <source>Performance sheet: points for customer satisfaction.</source>
        <translation>考核表：客户满意度的分值。</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="70" />
        <source>Performance sheet: points for service quality (three-minute norm and paperless forms).</source>
        <translation>考核表：服务质量的分值（三分钟受理和无纸化业务单）。</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="74" />
        <source>Offers accepted per customer handled that earn the full sales points.</source>
        <translation>每位受理客户的推荐成功率达到此值得满分。</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="77" />
        <source>Customers handled in a day that earn the full volume points.</source>
        <translation>一天受理客户数达到此值得业务量满分。</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="78" />
        <source>The fewest digits a staff PIN may have (4 to 8); a PIN set later must have them.</source>
        <translation>员工密码的最少位数（4 至 8）；之后设置的密码须满足。</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="82" />
        <source>Monitor: an open counter calling no one this long while its queues have customers.</source>
        <translation>值班监控：窗口开启且其队列有人等候，却这么久未叫号时提示。</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="86" />
        <source>Monitor: a customer at a counter this long (a transaction that may need help).</source>
        <translation>值班监控：一位客户在窗口办理这么久时提示（可能需要协助）。</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="90" />
        <source>No campaign is offered to a customer offered any campaign within this many days (0: off).</source>
        <translation>客户在这么多天内被推荐过任何营销活动的，不再推荐（0：不限）。</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="94" />
        <source>Hours from a complaint case's opening within which the hall means to close it.</source>
        <translation>投诉工单自受理起应在多少小时内办结。</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="100" />
        <source>above 0, at most 1</source>
        <translation>大于 0，至多 1</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="101" />
        <source>above 0, at most 1000</source>
        <translation>大于 0，至多 1000</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="102" />
        <source>above alert_level1, at most 1000</source>
        <translation>大于 alert_level1，至多 1000</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="103" />
        <source>an existing folder, or empty</source>
        <translation>已存在的文件夹，或留空</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="104" />
        <source>at least 0, below alert_level1</source>
        <translation>至少 0，小于 alert_level1</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="105" />
        <source>one capital letter: one of the hall's queues</source>
        <translation>一个大写字母：营业厅的队列之一</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="106" />
        <source>pdf, none, file:PATH, usb:VENDOR:PRODUCT (hex) or network:HOST[:PORT]</source>
        <translation>pdf、none、file:路径、usb:厂商:产品（十六进制）或 network:主机[:端口]</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="109" />
        <source>0 to 1000 points</source>
        <translation>0 至 1000 分</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="120" />
        <source>Clerk</source>
        <translation>营业员</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="121" />
        <source>Shift lead</source>
        <translation>值班长</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="122" />
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="128" />
        <source>Open</source>
        <translation>开启</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="129" />
        <source>Paused</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="130" />
        <source>Closed</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="142" />
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <location filename="../../counter/admin/words.py" line="147" />
        <source>1 (yes) or 0 (no)</source>
        <translation>1（是）或 0（否）</translation>
    </message>
    <message>
        <source>Complaint rate (cases per customer handled) at which the complaints share is 0.</source>
        <translation>投诉率（每位办结客户的投诉件数）达到此值时，投诉部分得 0 分。</translation>
    </message>
    <message>
        <source>Performance sheet: points for learning: trainings and morning meetings.</source>
        <translation>绩效表：学习成长分值（培训与晨会）。</translation>
    </message>
    <message>
        <source>Performance sheet: points for teamwork, the shift lead's mark of 100.</source>
        <translation>绩效表：团队协作分值，值班长按百分制打分。</translation>
    </message>
    <message>
        <source>Trainings attended in a month that earn the full training half of learning.</source>
        <translation>一个月内参加培训达到此次数，学习成长中培训一半得满分。</translation>
    </message>
</context>
</TS>