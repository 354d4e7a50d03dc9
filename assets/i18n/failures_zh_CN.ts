<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>StoreFailure</name>
    <message>
        <location filename="../../shared/qt/errors.py" line="37" />
        <source>The system is busy and nothing was saved. Please try again.</source>
        <translation>系统繁忙，未能保存，请重试。</translation>
    </message>
    <message>
        <location filename="../../shared/qt/errors.py" line="38" />
        <source>The system cannot find its data and nothing was saved. Please ask a member of staff, then try again.</source>
        <translation>系统找不到数据，未能保存。请联系工作人员后重试。</translation>
    </message>
    <message>
        <location filename="../../shared/qt/errors.py" line="39" />
        <source>The system cannot save just now. Please ask a member of staff, then try again.</source>
        <translation>系统暂时无法保存。请联系工作人员后重试。</translation>
    </message>
    <message>
        <location filename="../../shared/qt/errors.py" line="40" />
        <source>The system's disk is full and nothing was saved. Please ask a member of staff, then try again.</source>
        <translation>系统磁盘已满，未能保存。请联系工作人员后重试。</translation>
    </message>
    <message>
        <location filename="../../shared/qt/errors.py" line="41" />
        <source>The system cannot reach its database and nothing was saved. Please ask a member of staff, then try again.</source>
        <translation>系统无法连接数据库，未能保存。请联系工作人员后重试。</translation>
    </message>
    <message>
        <location filename="../../shared/qt/errors.py" line="42" />
        <source>The system failed and nothing was saved. Please ask a member of staff, then try again.</source>
        <translation>系统出错，未能保存。请联系工作人员后重试。</translation>
    </message>
</context>
<context>
    <name>ServerLink</name>
    <message>
        <location filename="../../shared/qt/remote.py" line="37" />
        <source>The hall server cannot be reached since %1. The screen shows what it last read and keeps trying.</source>
        <translation>营业厅服务器自 %1 起连接不上。屏幕显示的是最后读到的内容，正在重试。</translation>
    </message>
    <message>
        <location filename="../../shared/qt/remote.py" line="42" />
        <source>The hall server cannot be reached; nothing was done. Please try again shortly.</source>
        <translation>连接不上营业厅服务器，本次操作未完成。请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../shared/qt/remote.py" line="38" />
        <source>The hall server refused this screen: %1</source>
        <translation>营业厅服务器拒绝了本屏幕：%1</translation>
    </message>
</context>
</TS>
